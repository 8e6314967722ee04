"""The web page: ``reportlint serve`` (needs ``pip install 'reportlint[web]'``).

A local page where a user drops drafts (.docx, .txt, .md) or pastes text and sees every finding highlighted in
place. The modules, from the inside out:

- :mod:`.drafts`: lint a batch of uploaded drafts together (each through ``engine.source.lint_source``, then the
  corpus rules across them) and keep the last few batches in memory. No web framework.
- :mod:`.view`: the JSON the page renders (lines, findings, rule explanations, in Chinese).
- :mod:`.exports`: the downloads: the .docx with Word comments, the fixed text, CSV and JSON of the findings.
- :mod:`.app`: the Starlette application: routes, the Host-header guard, upload limits.
- :mod:`.server`: bind a local port, open the browser, run uvicorn.

Only :mod:`.app` and :mod:`.server` import Starlette and uvicorn, and only ``reportlint serve`` imports them.
Nothing is written to disk and no request names a path: uploads live in memory until the server stops.
"""
