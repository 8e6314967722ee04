"""The batch run of the command line: discover the files, lint them (on several cores, through the results
cache), then compare them (corpus rules)."""
