"""Patterns compiled on first use, so that a run pays only for the patterns it uses.

The ``regex`` module parses and compiles in Python: compiling every pattern of every rule at import cost about
half of a cold ``reportlint check`` of one draft. ``lazy_regex(source, flags)`` stands in for
``regex.compile(source, flags)`` at module or class level: the pattern is compiled (and ``regex`` imported) the
first time a method such as ``search`` or ``finditer`` is called, and from then on the compiled pattern's own
methods are called directly (they are bound on the object, so each later call costs one attribute lookup).
``lazy_re`` does the same with the standard ``re`` module, for patterns that use no ``regex``-only feature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    import re

    import regex

#: The methods bound on the object once the pattern is compiled.
_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "splititer", "scanner")


class LazyPattern:
    """A pattern compiled the first time it is used; any attribute of the compiled pattern is available."""

    def __init__(self, source: str, flags: int = 0, engine: str = "regex") -> None:
        self.pattern = source
        self._flags = flags
        self._engine = engine
        self._compiled: Any = None

    def compiled(self) -> Any:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            if self._engine == "regex":
                import regex

                compiled: Any = regex.compile(self.pattern, self._flags)
            else:
                import re

                compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                if hasattr(compiled, name):
                    setattr(self, name, getattr(compiled, name))
            self._compiled = compiled
        return self._compiled

    # Until the first call these compile; the compiled pattern's methods then shadow them on the instance.
    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self.compiled().split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # groups, groupindex, flags …: only for what is not set above
        if name.startswith("__") or name in ("_compiled", "_engine", "_flags", "pattern"):
            raise AttributeError(name)
        return getattr(self.compiled(), name)

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyPattern, (self.pattern, self._flags, self._engine))

    def __repr__(self) -> str:
        return f"{self._engine}.compile({self.pattern!r}, {self._flags})  # lazily"


def lazy_regex(source: str, flags: int = 0) -> regex.Pattern[str]:
    """``regex.compile(source, flags)``, compiled on first use."""
    return cast("regex.Pattern[str]", LazyPattern(source, flags, "regex"))


def lazy_re(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, compiled on first use."""
    return cast("re.Pattern[str]", LazyPattern(source, flags, "re"))
