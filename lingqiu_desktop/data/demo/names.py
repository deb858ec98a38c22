"""Chinese personal names and unique ID numbers (公民身份号码) for everyone the generator makes up."""

from __future__ import annotations

import bisect
import itertools
import random
from datetime import date

from lingqiu_desktop.core.offices import COUNTY_CODE
from lingqiu_desktop.core.validation import id_check_char

from lingqiu_desktop.data.demo import words as W


class IdNumbers:
    """Unique 18-digit 公民身份号码 with address 140224, sequence parity matching sex, valid check digit."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def make(self, rng: random.Random, birth: date, male: bool) -> str:
        head = f"{COUNTY_CODE}{birth.year:04d}{birth.month:02d}{birth.day:02d}"
        while True:
            first17 = f"{head}{rng.randrange(1, 500) * 2 + male:03d}"
            number = first17 + id_check_char(first17)
            if number not in self.used:
                self.used.add(number)
                return number


def _cohort(year: int) -> str:
    return "old" if year < 1965 else "middle" if year < 1990 else "young"


class Namer:
    """Chinese names: weighted surname, one- or two-character given name by sex and birth cohort."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self._surnames = [s for s, _ in W.SURNAMES]
        self._cum = list(itertools.accumulate(w for _, w in W.SURNAMES))

    def surname(self) -> str:
        return self._surnames[bisect.bisect(self._cum, self.rng.random() * self._cum[-1])]

    def given(self, male: bool, year: int, generation: str = "") -> str:
        pool = (W.MALE_CHARS if male else W.FEMALE_CHARS)[_cohort(year)]
        rng = self.rng
        first = generation or rng.choice(pool)
        if not generation and rng.random() < 0.3:
            return first
        second = rng.choice(pool)
        while second == first:
            second = rng.choice(pool)
        return first + second

    def full(self, male: bool, year: int, surname: str = "", generation: str = "") -> str:
        return (surname or self.surname()) + self.given(male, year, generation)
