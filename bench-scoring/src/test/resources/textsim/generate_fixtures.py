"""Generates textsim-fixtures.json: reference values for bench4j's text similarity scorers.

BLEU and chrF come from sacreBLEU 2.6.0 (sacrebleu.sentence_bleu and sacrebleu.sentence_chrf with
their defaults); normalized Levenshtein from RapidFuzz 3.14.6 (rapidfuzz.distance.Levenshtein:
distance and normalized_similarity, i.e. 1 - distance / max(len(a), len(b)) over code points).

    python3 -m venv venv && venv/bin/pip install sacrebleu==2.6.0 rapidfuzz==3.14.6
    venv/bin/python generate_fixtures.py > textsim-fixtures.json
"""
import json
import sys

import rapidfuzz
import sacrebleu
from rapidfuzz.distance import Levenshtein

# (hypothesis = the model's output, reference = the expected text)
CASES = [
    ("The cat sat on the mat.", "The cat sat on the mat."),
    ("The cat sat on the mat.", "The cat is on the mat."),
    ("the cat", "The cat sat on the mat."),
    ("The quick brown fox jumps over the lazy dog", "A fast brown fox leaps over a lazy dog"),
    ("It is a guide to action which ensures that the military always obeys the commands of the party.",
     "It is a guide to action that ensures that the military will forever heed Party commands."),
    ("It is to insure the troops forever hearing the activity guidebook that party direct.",
     "It is a guide to action that ensures that the military will forever heed Party commands."),
    ("hello", "hello"),
    ("hello", "world"),
    ("", "The cat sat on the mat."),
    ("The cat sat on the mat.", ""),
    ("", ""),
    ("kitten", "sitting"),
    ("flaw", "lawn"),
    ("Hello, world!", "hello world"),
    ("Price: $3.50, down 1,000 (-2%).", "The price is $3.50, down 1,000 units (-2%)."),
    ("e-mail me at a.b@example.com; ok?", "Email me at a.b@example.com, OK?"),
    ("Tom &amp; Jerry &quot;rock&quot; &lt;3", "Tom & Jerry \"rock\" <3"),
    ("line one-\nline two\nline three", "line oneline two line three"),
    ("Café crème brûlée", "Cafe creme brulee"),
    ("Straße über Äpfel", "Strasse ueber Aepfel"),
    ("東京は日本の首都です", "日本の首都は東京です"),
    ("Привет, как дела?", "Привет, как твои дела?"),
    ("I ❤️ emoji 😀 and 👍🏽", "I ❤️ emoji 😀 and 👍"),
    ("non\u00a0breaking\u2007space\u202fhere", "non breaking space here"),
    ("  leading and trailing spaces  ", "leading and trailing spaces"),
    ("tabs\tand\nnewlines\r\nmixed", "tabs and newlines mixed"),
    ("a a a a a", "a"),
    ("the the the the the the the", "the cat is on the mat"),
    ("1 2 3 4 5 6 7 8 9 10", "1 2 3 4 5 6 7 8 9 10 11 12"),
    ("Summary: revenue rose 12% in Q3, driven by cloud sales; costs fell.",
     "Revenue grew 12% in the third quarter thanks to cloud sales, while costs decreased."),
    ("<skipped> word", "word"),
    ("3.14 is pi, 2,5 and x.y", "3.14 is pi , 2,5 and x . y"),
    ("10-20 items", "10 - 20 items"),
    ("ABC", "abc"),
    ("a", "b"),
    ("ab", "ba"),
    ("The cat", "The cat sat"),
    ("Ünïcödé ñ", "Unicode n"),
]


def main():
    out = {"sacrebleu": sacrebleu.__version__, "rapidfuzz": rapidfuzz.__version__, "cases": []}
    for hyp, ref in CASES:
        bleu = sacrebleu.sentence_bleu(hyp, [ref])
        chrf = sacrebleu.sentence_chrf(hyp, [ref])
        out["cases"].append({
            "output": hyp,
            "expected": ref,
            "bleu": bleu.score,
            "bleu_precisions": list(bleu.precisions),
            "bleu_bp": bleu.bp,
            "chrf": chrf.score,
            "levenshtein_distance": Levenshtein.distance(hyp, ref),
            "levenshtein_similarity": Levenshtein.normalized_similarity(hyp, ref),
        })
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
