"""The desktop UI: a presenter with no tkinter, then thin ttkbootstrap views."""
