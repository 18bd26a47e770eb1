"""NLTK's Punkt and Snowball modules imported without NLTK's package __init__, which loads nearly all
of NLTK (and scipy.stats when scipy is installed) although Précis needs only those two."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

# NLTK's package __init__ imports nearly all of NLTK, and through nltk.metrics scipy.stats when
# scipy is installed (0.6-0.9 s here), although Précis only needs Punkt and the Snowball stemmers.
# These packages are registered without running their __init__; the first use of a name that only
# the __init__ defines (`nltk.word_tokenize`, `nltk.corpus.wordnet`) runs the real __init__s then,
# NLTK's own first, so whoever needs the whole of NLTK (sumy's LexRank, a test) still gets it.
_NLTK_DEFERRED = ("nltk", "nltk.tokenize", "nltk.stem", "nltk.corpus")


def nltk_module(name: str) -> ModuleType:
    """Import the NLTK module `name` (e.g. "nltk.tokenize.punkt") without NLTK's package __init__s."""
    import sys

    if "nltk" not in sys.modules:
        for package in _NLTK_DEFERRED:
            sys.modules[package] = _deferred(package)
        # nltk.stem.snowball imports this name at its top and only uses it for ignore_stopwords.
        sys.modules["nltk.corpus"].stopwords = _Later("nltk.corpus", "stopwords")
    return import_module(name)


def _complete(module: ModuleType) -> None:
    if module.__dict__.pop("__getattr__", None) is not None:
        module.__spec__.loader.exec_module(module)


def _deferred(name: str) -> ModuleType:
    import importlib.util
    import sys

    spec = importlib.util.find_spec(name)
    module = importlib.util.module_from_spec(spec)

    def __getattr__(attr: str) -> object:
        if attr.startswith("__") and attr != "__all__":
            raise AttributeError(attr)
        if importlib.util.find_spec(f"{name}.{attr}") is not None:  # a submodule: no __init__ needed
            return import_module(f"{name}.{attr}")
        _complete(sys.modules["nltk"])
        _complete(module)
        return module.__dict__[attr] if attr in module.__dict__ else getattr(module, attr)

    module.__getattr__ = __getattr__
    return module


class _Later:
    """Stands for a name of a deferred package until it is used; then the package is completed."""

    def __init__(self, package: str, name: str) -> None:
        self._where = (package, name)

    def __getattr__(self, attr: str) -> object:
        import sys

        package, name = self._where
        _complete(sys.modules["nltk"])
        _complete(sys.modules[package])
        real = sys.modules[package].__dict__[name]
        return getattr(real, attr)
