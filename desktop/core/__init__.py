"""Pure-Python pipeline: load, clean, split, summarise, facts, export. Never imports tkinter."""
