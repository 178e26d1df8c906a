"""English stopwords, shipped in code: nltk's stopword corpus cannot be downloaded here.

The list is nltk's English list plus words that only frame a question ("tell", "please")
and carry nothing to search for.
"""

NLTK_ENGLISH = """
i me my myself we our ours ourselves you you're you've you'll you'd your yours yourself yourselves he him his
himself she she's her hers herself it it's its itself they them their theirs themselves what which who whom this
that that'll these those am is are was were be been being have has had having do does did doing a an the and but
if or because as until while of at by for with about against between into through during before after above below
to from up down in out on off over under again further then once here there when where why how all any both each
few more most other some such no nor not only own same so than too very s t can will just don don't should
should've now d ll m o re ve y ain aren aren't couldn couldn't didn didn't doesn doesn't hadn hadn't hasn hasn't
haven haven't isn isn't ma mightn mightn't mustn mustn't needn needn't shan shan't shouldn shouldn't wasn wasn't
weren weren't won won't wouldn wouldn't
"""

QUESTION_FRAMING = """
tell please explain know let say said would could might may must shall also really ever anything something
thing things whats what's hows how's im i'm ive i've id i'd youre can't cant dont doesnt isnt thanks thank hi hello
hey ok okay yes yeah us much many per every everything anyway maybe perhaps
"""

STOPWORDS = frozenset(NLTK_ENGLISH.split()) | frozenset(QUESTION_FRAMING.split())
