"""A small, complete test standard: the shape every jurisdiction plugin follows."""
