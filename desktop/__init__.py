"""Précis: an offline reader that cleans saved articles, summarises them and lists their key facts."""

__version__ = "0.1.0"
APP_NAME = "Précis"
