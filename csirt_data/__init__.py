"""The NCA document 「CSIRT人材の定義と確保 Ver.2.1」 as validated, bilingual data.

No Streamlit here: the catalogue loads and tests without a browser."""
from .catalogue import KINDS, Catalogue, SkillLink
from .errors import CatalogueError
from .loader import CATALOGUE_DIR, load_catalogue

__all__ = ["CATALOGUE_DIR", "KINDS", "Catalogue", "CatalogueError", "SkillLink", "load_catalogue"]
