"""The version of the algorithms whose output the library caches (desktop/library/digests.py).

Bump VERSION in any change that alters a digest: the summary (ranking, selection, lengths), the
facts or keywords, sentence splitting, stemming, stop words or language detection. Cached digests of
another version are recomputed, never shown. Cleaner changes need no bump: the cache key hashes the
cleaned article itself.
"""

VERSION = 11  # 11: the facts tagger retrained on the CIA World Factbook (licensed training text)
# 10: summary weights per kind fitted on features standardised over that kind
# 9: the facts tagger names undecided entities by kind thresholds, context features
# 8: summary weights per kind fitted alone, chosen by cross-fitting (soft labels for news)
# 7: the trained facts tagger (desktop.core.facts.tagger)
# 6: the learned summariser (kinds of document, automatic length, step markers)
