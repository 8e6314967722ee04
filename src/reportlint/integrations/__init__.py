"""Front ends other than the command line: the language server, Word comments, the local web page. Each
calls the engine's "lint one source"."""
