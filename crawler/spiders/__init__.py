"""Spiders: the generic site spider (one subclass per site config) and the one-off add spider."""
