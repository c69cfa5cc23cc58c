"""The magnesium catalog: products by form, dose and goal, with articles and interaction warnings."""
