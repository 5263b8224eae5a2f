"""Finding text: grep's matcher, the literals a pattern needs, and the index prefilter built on them.

``matcher`` compiles a pattern and finds the paragraphs it matches;
``literals`` reads off a regex what every match must contain; ``prefilter``
turns those literals into a full-text query that narrows the candidates.
Pure: the library runs the queries against the index.
"""
