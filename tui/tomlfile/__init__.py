"""The table file on disk: reading, locating, canonical layout, saving, atomic writes."""
