"""The language server (``reportlint server``, LSP over stdio): diagnostics and fixes in editors.

``linting`` decides what is linted and how (no LSP types), ``convert`` turns findings into LSP diagnostics
and code actions, ``server`` wires both to pygls. pygls is an optional dependency (``reportlint[lsp]``):
only ``reportlint server`` imports it.
"""
