"""Access sources: the Matomo Reporting API, and the population files of expected readers."""
