"""Rule packs: declarative, data-driven rules in TOML (the shipped ones live in the top-level rules/ folder)."""
