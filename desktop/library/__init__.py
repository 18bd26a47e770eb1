"""The local library: SQLite store, importer and remembered settings in the user's data dir."""
