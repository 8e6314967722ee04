"""Reading and writing the files reportlint owns: the atomic writer, parsed TOML kept between runs, and the
validation of user TOML. Below config/ and packs/, which both use it; imports nothing else of reportlint."""
