"""The person's date format remembered between runs (desktop/ui/date_cache.py): the same text as
babel's, without loading babel on the next start; a changed locale or an odd pattern goes to babel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from desktop.ui.date_cache import compile_pattern

SCRIPT = ("import json, sys; from desktop.ui.dates import display_date; "
          "text = [display_date(d) for d in ('2019-11-19', '2026-01-05', '2024-05-31T23:30:00+00:00')]; "
          "print(json.dumps([text, 'babel' in sys.modules]))")


def run(data: Path, locale: str) -> tuple[list[str], bool]:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_TIME", "LANGUAGE", "LC_ALL", "LC_CTYPE", "LANG")}
    env.update(PRECIS_DATA_DIR=str(data), LC_ALL=locale, TZ="UTC")
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, timeout=120,
                          check=True)
    text, babel = json.loads(done.stdout.strip().splitlines()[-1])
    return text, babel


def test_the_second_start_formats_dates_like_babel_without_loading_it(tmp_path: Path) -> None:
    for locale in ("de_DE.UTF-8", "C", "en_US.UTF-8"):
        data = tmp_path / locale
        first, first_babel = run(data, locale)
        assert first_babel and (data / "date-format.json").is_file()
        again, again_babel = run(data, locale)
        assert again == first and not again_babel
    # The format remembered for German is not used for French: babel is asked again.
    data = tmp_path / "de_DE.UTF-8"
    french, babel = run(data, "fr_FR.UTF-8")
    assert babel and french != run(data, "de_DE.UTF-8")[0]


def test_simple_patterns_give_babel_s_text_and_others_are_left_to_babel() -> None:
    from babel.core import Locale
    from babel.dates import format_date

    days = [date(1999, 1, 1) + timedelta(days=37 * k) for k in range(110)]
    compiled = 0
    for name in ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pt_BR", "ru_RU", "pl_PL",
                 "ja_JP", "zh_CN", "ko_KR", "sv_SE", "tr_TR", "ar_EG", "he_IL", "hu_HU", "cs_CZ", "fi_FI"):
        locale = Locale.parse(name)
        pattern = locale.date_formats["medium"].pattern
        months = locale.months["format"]["abbreviated"]
        fast = compile_pattern(pattern, [months[m] for m in range(1, 13)])
        if fast is None:
            continue
        compiled += 1
        assert [fast(d) for d in days] == [format_date(d, "medium", locale=name) for d in days], name
    assert compiled >= 15
    assert compile_pattern("EEE, d MMM y", ["x"] * 12) is None  # a weekday: babel's job
    assert compile_pattern("d MMM y 'unclosed", ["x"] * 12) is None
    assert compile_pattern("d 'de' MMMM", ["x"] * 12) is None  # full month names are not kept
    assert compile_pattern("d 'o''clock' y", ["x"] * 12)(date(2020, 3, 4)) == "4 o'clock 2020"
