"""The engine: lint one source (read → Document → rules → findings), then filter the findings (allow-list,
suppression comments, baseline) and apply fixes."""
