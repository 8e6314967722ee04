"""Figures: numerals, quantities, what a figure counts (subjects), breakdowns, ratios, counted lists, dates."""
