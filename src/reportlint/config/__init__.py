"""Configuration: the config files ([tool.reportlint] in pyproject.toml, reportlint.toml), their discovery,
and the settings that apply to each file."""
