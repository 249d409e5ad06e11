"""AP house style and wire rules: place names, dates, times."""
