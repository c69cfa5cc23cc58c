"""The English words of claims: diseases and symptoms, topics, claim verbs, advice and side effects.

Same shape as `lexicon_nl`; English compounds are separate or hyphenated words, so a word
entry is a regular expression for one word (with its inflections) and `~` is implied.
"""

from .conditions_en import (  # noqa: F401 (read by `lexicon` as module attributes)
    DISEASE_PHRASES,
    DISEASE_WORDS,
    GUT_WORDS,
    MEDICINE_SUBSTITUTES,
)

# fmt: off

TOPICS: dict[str, tuple[str, tuple[str, ...], str, tuple[str, ...]]] = {
    "sleep": (
        "sleep(?:s|ing|less|y|ier)? asleep slumber rested snooze zzz+ dreamland",
        (
            "restful nights?", "night'?s rest", r"wake up (?:\w+ )?refreshed", "bedtime calm",
            r"good night\b", "drift off", "out like a light", r"sleep like a (?:baby|log|rock)", r"wake up (?:feeling )?(?:like )?(?:new|reborn|a new person)", "counting sheep",),
        "",
        (),
    ),
    "anxiety": (
        "anxiety anxious panic panicky nervousness jitters restlessness worr(?:y|ies|ying|ied)",
        (),
        "",
        (),
    ),
    "stress": (
        "stress(?:es|ed|ful)? anti-stress overwhelm(?:ed)? frazzled",
        ("on edge",),
        "tension pressure",
        (),
    ),
    "calm": (
        "calm(?:s|ing|er|ness|ed)? relax(?:es|ing|ation|ed) unwind(?:s|ing)? soothing serenity unbothered unfazed zen serene tranquil(?:ity)? decompress(?:ing)? grounded chill(?:ed)?",
        (
            "wind(?:s|ing)? down", "peace of mind", "inner peace", "at ease", r"settl\w* down", r"(?:quiet|calm|still|peaceful|relaxed) (?:mind|head)", "chill pill", r"chill(?:ed)? out", "chill vibes", "stay chill", "keep calm", "keep your cool", "inner balance", r"(?:feel|stay) centred", "wind-down", r"switch(?:es|ing)? off (?:after|at the end)",),
        "",
        (),
    ),
    "blood-pressure": (
        "",
        ("blood pressure",),
        "",
        (),
    ),
    "blood-sugar": (
        "insulin glycaemic glycemic",
        (
            "blood (?:sugar|glucose)", "glucose levels?",
            "(?:blood )?sugar (?:levels?|swings|spikes|balance)", r"sugar (?:crash\w*|cravings?)",),
        "glucose",
        (),
    ),
    "immunity": (
        "immun(?:e|ity) defen[cs]es",
        ("immune system", r"resistance to (?:colds?|flu|infections?|illness\w*|bugs)"),
        "resistance",
        (),
    ),
    "heart": (
        "heartbeat cardiovascular ticker",
        (
            r"heart (?:health|function\w*|rhythm|rate|muscle)", "healthy heart",
            r"(?:your|the|a) heart\b(?! of| and soul|felt)", r"heart-(?:healthy|friendly|boosting|loving)",),
        "",
        (),
    ),
    "circulation": (
        "circulation circulatory arteries artery veins? vascular",
        ("blood (?:flow|vessels?)", "cold (?:hands|feet)"),
        "",
        (),
    ),
    "detox": (
        r"detox\w* cleans(?:e|es|ing) purif(?:y|ies|ying|ication) toxins? alkalis\w+ alkaliz\w+",
        (
            "flush(?:es|ing)? out (?:toxins|waste|impurities|the body|your body)",
            r"(?:body'?s|your) ph\b",
            "ph(?:-| )?(?:balance|level|value)s?", "acid-base",
        ),
        "",
        (),
    ),
    "cognition": (
        "memory concentration concentrate cognitive cognition brain alertness forgetful(?:ness)?",
        ("mental (?:clarity|focus|sharpness)", "sharp(?:er)? mind", "clear head", "never forget", "brain ?power", "mental energy", "think clearly",),
        "focus(?:ed)? alert sharp(?:er)? clarity",
        (),
    ),
    "recovery": (
        r"recuperat\w+ recovery recoveries",
        ("bounce back", r"sport\w* (?:&|and) recovery",),
        "recover(?:s|ing|ed)?",
        (),
    ),
    "performance": (
        "performance endurance stamina gains",
        (
            "muscle (?:growth|mass|building|gains?)", "build(?:s|ing)? muscle", "athletic edge",
            r"perform\w* better", "perform at (?:your|their) best", "personal (?:best|record)", r"(?:run|ride|cycle|climb|lift|train|swim|go|push|work out|sprint) (?:longer|harder|further|faster|heavier|stronger)", "next level", "level up", r"get(?:ting)? (?:more|the most) out of (?:every|your|each) (?:training|workout|session|run|ride)\w*",),
        "strength fitness oxygen prs?",
        ("lactic acid",),
    ),
    "hormones": (
        "testosterone hormones? hormonal libido fertility fertile potency erections? thyroid prostate serotonin melatonin dopamine cortisol gaba conceiv(?:e|ing) conception",
        ("sex drive", r"\bt[- ]levels?", r"t-boost\w*", r"that time of (?:the )?month", r"(?:your|my|her|their) periods?\b", r"period (?:pain|cramps|support|comfort|days|week|survival)\w*", r"menstrua\w*", "monthly cycle",),
        "menopause menopausal pregnancy",
        (),
    ),
    "weight": (
        "slimming",
        ("lose weight", "weight loss", r"fat (?:burn\w*|loss)", r"burn\w* (?:\w+ ){0,2}fat\b", r"belly fat", "shed (?:the )?pounds", r"flat (?:tummy|stomach|belly)", r"(?:beach|bikini|summer) body",),
        "weight metabolism appetite cravings",
        (),
    ),
    "skin-hair-nails": (
        "complexion",
        ("(?:glowing|radiant|healthy|clear) skin", "hair growth", "strong nails"),
        "skin hair nails glow",
        (),
    ),
    "joints": (
        "cartilage",
        ("(?:supple|flexible) joints",),
        "joints?",
        (),
    ),
    "mood": (
        "uplifting grumpy cranky moody",
        ("(?:good|better|positive) mood", "mental resilience", "feel-good", r"sunshine in a \w+", "good vibes", r"(?:feel|be|stay) happ(?:y|ier)", r"feel (?:the difference|better|great|amazing|fantastic|your best|like new|like a new person)",),
        "mood resilience happiness wellbeing well-being",
        (),
    ),
    "energy": (
        r"energi[sz](?:ed|ing|es) energetic turbo\w* pep oomph",
        ("energy boost", "full of energy", r"recharg\w* (?:your )?batter\w*", r"(?:swap|replace|instead of|skip|ditch|without) (?:\w+ ){0,3}(?:coffee|espresso|energy drinks?|caffeine)", "beast mode", "rocket fuel", r"(?:afternoon|energy|3 ?pm) (?:slump|crash|dip)", "get up and go", r"spring in (?:your|my) step", r"power through", r"fuel (?:your|the) day", r"(?:gives?|giving) (?:you )?a (?:lift|boost|kick|push)", r"push(?:ing)? through", r"ready to (?:crush|take on|conquer|smash)", r"crush(?:ing)? (?:your|the) (?:day|goals|workout)", r"keeps? (?:you|me) going",),
        "energy vitality vital",
        (),
    ),
    "fatigue": (
        "",
        (),
        "tired(?:ness)? fatigue(?:d)? exhaust(?:ion|ed) weary weariness",
        (),
    ),
    "muscles": (
        "",
        ("muscle (?:performance|power|strength|tone)",),
        "muscles? muscular",
        (),
    ),
    "bones-teeth": (
        "",
        ("bone (?:density|health|strength)",),
        "bones? teeth tooth dental skeleton",
        (),
    ),
    "nerves": (
        "",
        (),
        "nerves? nervous",
        (),
    ),
    "psychological": (
        "",
        ("mental health",),
        "psychological(?:ly)? mental(?:ly)?",
        (),
    ),
    "cell-division": (
        "",
        ("cell (?:growth|renewal)",),
        "",
        ("cell division",),
    ),
    "digestion": (
        "digestion digestive microbiome",
        ("gut (?:health|flora)", "healthy gut", "bowel movements?", r"keeps? (?:things|you|everything) (?:moving|regular)",),
        "gut bowels? regularity",
        (),
    ),
    "antioxidant": (
        "antioxidants? antioxidative",
        ("oxidative (?:stress|damage)", "free radicals", "cell damage"),
        "",
        (),
    ),
    "ageing": (
        "anti-ag(?:e)?ing",
        ("age backwards", "turn back the clock", r"(?:look|feel|stay) younger", "stay young",),
        "ag(?:e)?ing",
        (),
    ),
    "organs": (
        "adrenals? adrenal",
        (),
        "liver",
        (),
    ),
    "health": (
        "",
        (),
        "health wellness",
        (),
    ),
    "hydration": (
        "hydrates rehydrates",
        (),
        "hydrat(?:e|ed|ing|ion) rehydrat\\w*",
        (),
    ),
}

TRAPS = (
    "sleeping bags?", "bedrooms?", "sleepwear", "sleep masks?",
    "before (?:bed|bedtime|sleep|sleeping|going to bed)", "at bedtime",
    r"(?!pain)\w+-free (?:ordering|shopping|delivery|packaging|returns|checkout)", "heart and soul",
    "at the heart of", "the heart of", "cardio (?:workout|training|session|class|exercise)s?",
    "blood pressure (?:monitor|medication|medicine|pills|tablets|drugs)", "peace of mind:",
    "rinse (?:your|the) skin", "on (?:the|your) skin", "our focus", "focus on", "nervous about",
    "hair ?nets?", "relax:", "thyroid (?:medication|medicine|tablets|pills)",
    "insulin (?:injections|pens?|pumps?|users)", "no worries", "don'?t worry", r"worry-free \w+",
    r"(?:heart rate|blood pressure|sleep|glucose|fitness|activity) (?:monitors?|trackers?|meters?|apps?|watch\w*)",
    "complaints? (?:procedure|form|department|handling)",
    # a charity or campaign named for a condition: "the Headache Relief Fund", "Migraine Awareness Week"
    r"(?:[\w'-]+ ){1,3}(?:fund|foundation|charity|association)\b", r"(?:[\w'-]+ ){1,2}awareness (?:week|day|month)",
    r"los(?:e|es|ing|t) (?:any |much |no )?sleep", r"(?:serve|store|keep|best|drink|enjoy) chilled", r"calm (?:waters?|seas?|weather|winds?|lakes?)",
    r"(?:high|extra|maximum|max|full|double|triple|regular|normal)[- ]strength", r"sleep (?:collection|range|accessories|department)", "sleep tight", "panic buy\\w*", "don'?t panic",
    r"sleep(?:s|ing)? in(?= on\b| late\b| till\b| until\b| at the weekend| this\b| a (?:bit|little)|\s*[,.!;]|\s*$)", "lie-in", r"(?:stay|staying|keep|keeping) (?:well[- ])?hydrated",
)

STRONG_CUES = (
    r"prevent\w*", r"protect\w* (?:against|from)", r"guard\w* against", r"ward\w* off", "at bay",
    "treat(?:s|ed|ing|ment|ments)?", "cur(?:e|es|ed|ing)", "heal(?:s|ed|ing|er)?",
    "remed(?:y|ies)", r"therap\w*", "relie(?:f|ve|ves|ved|ving)", r"alleviat\w*",
    "eas(?:e|es|ed|ing)(?! of)", r"sooth\w*", "stops?", "stopp(?:ing|ed)", "ends?", r"eliminat\w*",
    "get(?:s|ting)? rid", "rid of", r"banish\w*", "beats?", "beating", r"combat\w*", r"fight\w*",
    r"tackl\w*", r"counter(?:act\w*|ing|ed)", r"revers\w*", r"normali[sz]\w*", r"regulat\w*", r"reduc\w*",
    r"lower(?:s|ing)|lower (?:your|the|my|his|her)", r"decreas\w*", r"lessen\w*", "fewer", "less", r"minimi[sz]\w*", "cuts?",
    "helps? (?:with|against|to (?:prevent|relieve|reduce|ease|fight|treat|stop|manage|lower))",
    "works? (?:for|against|on)", "effective", "say goodbye", "goodbye", "bye-bye", "farewell",
    "no more", "never (?:again|wake|suffer)", "free (?:from|of)", "thing of the past", "no chance",
    "be gone", "say no to", "solution (?:for|to)", "answer to", "clinically", "proven",
    r"overcome\w*", r"recover\w* from", "correct(?:s|ing)?", "manag(?:e|es|ing)",
    "control(?:s|ling)?", "natural (?:alternative|medicine|remedy|painkiller)", "alternative to",
    "instead of (?:painkillers|sleeping pills|medication|drugs)", r"anti-\w+", r"suppress\w*",
    r"dis+ap+ear\w*", r"vanish\w*", "calms?(?= an? | your )", "clears? up", "takes? the edge off",
    "edge off", "calm(?:s|ing)", "(?:is|are|be|get) gone", "gone in", "go(?:es)? away", r"(?:went|gone) away", r"makes? (?:a|all the|such a|the|a huge|a big|a real) difference",
    r"made (?:a|all the|such a|a huge|a big|a real) difference", r"kick\w* (?:\w+ ){0,3}to the curb", r"battl\w*",
    "war on", "sos", "in check", r"first aid (?:for|against)", r"good ?night,", "meet your match", "game over", r"days are numbered",
    "so long", "adios", "see ya", r"tak\w* the (?:sting|pain|edge|ache) (?:out|off)",
    r"gets? things (?:going|moving)", r"under (?:control|wraps)",
    "melts? away", "short work of", "put(?:s|ting)? (?:a stop|an end) to", "knocks? out",
    "shake off", "no longer", r"kiss\w* goodbye", r"wave\w* goodbye", r"bid\w* farewell",
    r"conquer\w*", r"defeat\w*", "tam(?:e|es|ing)", "fix(?:es)?", "miracle", "wonders?",
    "notice (?:a|the) difference", "(?:see|feel) (?:a|the) difference", r"swear\w* by",
    r"since (?:i|we|he|she|they|my|starting|taking|using|switching|these|this)\b", r"haven'?t (?:had|since)",
    r"resistan\w* (?:to|against)", "lifesaver", "life-saver", "rescue", "go-to remedy",
    "recovery (?:after|from)", "prone to", "susceptible to", "on top of", "at arm'?s length",
    r"keep\w* \w+ (?:\w+ )?away",
    # relief idioms and testimonials: "insomnia, sorted", "the cramps back off", "I used to get
    # migraines every week, now...", "first full night in years", "gone after 3 weeks"
    r"quiet(?:s|ens|en)", r"neutrali[sz]\w*", "sorted", "gone", r"back(?:s|ed)? off", "anymore",
    "any more", r"(?:went|came|way) down", r"chang\w* my life", r"life-?chang\w*", r"game-?changer",
    r"break\w* the cycle", r"ditch\w*", "calm", r"clears(?! up)|clear(?:s|ed|ing)? (?:up|away|out|from)", r"keeps? (?:you|me|him|her|them) from",
    "bye[- ]?bye", r"fad(?:e|es|ed|ing) away", r"subsid\w*", r"lift(?:s|ed)?",
    r"at the first signs? of", r"dampen\w*", r"dull(?:s|ed)?", r"numbs?", r"mitigat\w*", r"diminish\w*",
    r"stave\w* off", r"head\w* off", r"nip\w* \w* ?in the bud", r"shorten\w*",
    r"tak(?:e|es|ing) away", r"(?:chase|drive)\w* away", r"eradicat\w*", r"halt\w*", r"kills?",
    r"(?:went|gone|dropped|down|came|fell|cut) (?:\w+ )?from \S+\b.{0,30}\bto \S+", r"the only thing that", r"slows|slowing|slow down|delay(?:s|ing)?", r"(?:did|does|do|work\w*) wonders", "back on track", "back to normal",
    r"from (?:coming back|returning|recurring)", r"#heal\w*", r"taper\w* off",
    # a spec sheet's headings: "Indication: leg cramps", "Application: relief of..."
    r"(?:indications?|applications?|uses?|used for|recommended (?:for|in)|target group|benefits?|key benefits|"
    r"effects?|actions?|helps with|good for|areas? of use) ?:",
)
WEAK_CUES = (
    "against", "helps?", "helping", "aids?", "ideal", "specially", "specifically", r"suffer\w*",
    "patients?", "people (?:with|living with|who)", "anyone (?:with|who)", "those (?:with|who)",
    "for", "with", "without", r"\w+-free", "supports?", "supporting", r"improv\w*", r"restor\w*",
    r"repair\w*", "take", "use", "at the first sign", "when you", "in case of",
    "if you (?:suffer|have|get)", "formula", "relief", "support",
    "(?:people|persons|women|men|adults|children|kids|seniors|athletes|anyone|everyone|those|customers|mums|mothers) (?:with|who (?:suffer|have|struggle|experience|live|get))",
    r"\w*sufferers?", "recovery",
    # before and after, and when to take it: "I used to get migraines every week", "first
    # full night in years", "Feel an aura coming on? Chew 3 tablets" (advice still rescues:
    # "If cramps persist after 2 weeks, see your doctor")
    "used to", "finally", r"first (?:\w+ ){0,3}in (?:years|months|ages|forever)", r"in (?:years|ages)",
    r"after (?:\d+|a few|two|three|four|six|eight) (?:days|weeks|months)", "overnight",
    r"within (?:a|one|\d+|two|three|a few) (?:days?|weeks?|months?)", "hardly ever",
    r"now (?:maybe |only |just )?(?:rarely|hardly|barely|never|once|only)", "coming on",
    "as soon as you feel", r"(?:better|calmer|fewer|milder|lighter|shorter|weaker|rarer)",
    r"(?:pick|go-to|favou?rite|must-have|staple|companion|ally|hero|secret weapon|saviou?r) (?:for|in|against|during)",
    r"relax\w*", r"loosen\w*", r"settl(?:e|es|ed|ing)",
    r"nothing (?:else )?(?:touched|worked|helped|works|helps)", r"until (?:this|these|i (?:found|tried|started))",
    r"give (?:\w+ ){1,3}a try", r"try (?:our|this|these)", r"cop(?:e|es|ing) with",
    r"(?:designed|formulated|made|created|developed|tailored) (?:for|to)", "got you covered",
    r"has (?:got )?your back", r"we'?ve got you", r"when (?:\w+ ){0,2}(?:strikes?|hits?|flares? up|kicks? in)",
    r"recommended (?:by \w+ )?for", r"risk of", r"not (?:a single|one)",
    # who struggles with it, and what declines: "worried about", "attacks dropped"
    r"(?:worried|concerned|anxious) about", r"struggl\w* with", r"dealing with", r"a must for",
    r"drop(?:s|ped|ping)?", r"declin(?:e|es|ed|ing)", r"fall(?:s|ing)?|fell", r"(?:with|on) (?:enough|sufficient|adequate|extra|more) magnesium",
)
ADJACENT_CUES = (
    "for", "with", "without", "against",
)
ADJACENT_AFTER = (
    "formula", "support", "recovery", "survival kit", "kit", "essentials", "emergency kit",
)

ADVICE = (
    r"consult\w*",
    r"(?:talk|speak|check with) (?:to )?(?:your|a|the|an) (?:own )?(?:doctor|gp|pharmacist|physician|midwife|specialist|healthcare|health care|care|medical)",
    r"ask (?:\w+ ){0,2}(?:doctor|pharmacist|gp|midwife)", "see (?:your|a) (?:doctor|gp|physician)",
    "tell (?:your|a) (?:doctor|gp|pharmacist)", "contact (?:your|a) (?:doctor|gp)",
    "medical (?:advice|supervision|attention|help)", "healthcare (?:professional|provider)",
    "not intended", "not a (?:medicine|substitute|cure|treatment|drug)", "no substitute",
    "do not (?:use|take|combine|exceed|give)", "don'?t (?:use|take|combine)", "not suitable",
    "not recommended", "should not", "stop (?:using|taking|use)", "discontinue",
    r"keep\b.{0,40}\bhours?", r"(?:at least|minimum of) \d+ hours?", r"seek\w*",
    "if symptoms persist", "in case of doubt",
    "(?:your|a|the) (?:doctor|gp|pharmacist|physician|midwife)", "unless",
    r"have\b.{0,30}\bchecked", "not for (?:people|children|women|anyone)",
    "does not (?:prevent|treat|cure)", "no (?:medical |health |medicinal )?claims?",
    r"(?:ask|consult|check with|talk to|speak to|tell|inform|see|contact)\b.{0,40}\b(?:doctor|gp|pharmacist|physician|specialist|cardiologist|midwife|healthcare|dietitian|nurse|neurologist|gynaecologist)\w*",
    r"discuss\w*\b.{0,60}\b(?:doctor|gp|pharmacist|care team|medical team|healthcare|specialist|physician)\w*",
    "(?:your|a) (?:care|medical|healthcare) team", "ask for (?:medical )?advice",
    "seek (?:medical )?advice", "(?:care|healthcare|health care) provider", "prescriber",
)
DISCLAIMERS = (
    "not intended", "not a (?:medicine|cure|treatment|drug)", "is no (?:medicine|cure|treatment)",
    "does not (?:prevent|treat|cure|heal)", "doesn'?t (?:prevent|treat|cure|heal)",
    "cannot (?:prevent|treat|cure|heal)", "no (?:medical |health |medicinal )?claims?",
    "no substitute", "not a substitute", "(?:are|is) not (?:authori[sz]ed|allowed|permitted)",
    "not authori[sz]ed", "has not authori[sz]ed", "(?:may|can)not claim",
    r"no (?:\w+ )?health claims? (?:is|are|has been) (?:authori[sz]ed|allowed)",
    r"no authori[sz]ed (?:\w+ )?claims?", "not (?:sold|meant|designed|made|marketed) to",
    # refusing to claim: "we're not allowed to promise that", "we can't tell you it will fix"
    r"not allowed to (?:promise|say|claim|tell)",
    r"(?:can'?t|cannot|won'?t|will not|don'?t|do not|may not|must not) (?:\w+ )?(?:promise|claim|guarantee|tell you)",
    "no promises",
)
SIDE_EFFECT = (
    r"(?:can|may|might|could) (?:\w+ ){0,2}(?:cause|give|trigger|lead to)", "caus(?:e|es|ed|ing)",
    "side[- ]effects?", "after taking", "at (?:a )?high(?:er)? doses?", "at first",
    r"less likely\b.{0,60}\bthan", "than (?:oxide|citrate|other)", "gentle on", "kind to",
    "laxative effect", "too much magnesium", "if you (?:notice|experience|get)",
    "you (?:notice|experience)",
    "with (?:food|a meal|meals|breakfast|dinner)", r"(?:lower|reduce|halve|split) the dose",
)
MEDICATION_NOUNS = (
    "medications?", "medicines?", "drugs?", "pills?", "tablets?", "bisphosphonates?",
    "antibiotics?", "insulin", "statins?", "diuretics?", "acid reducers?", "painkillers?",
    "inhibitors?", "blockers?", "treatments?", "heartburn medicines?", "migraine medications?",
    r"[\w-]+-(?:reducing|lowering|blocking|thinning|inhibiting|suppressing|regulating) (?:medications?|medicines?|drugs?|pills?|tablets?|meds)",
)
MEDICATION_USER = (
    "your", "take", "takes", "taking", "use", "using", "users", "on", "of",
)
OCCURRENCE = (
    "is (?:more |most |very )?common", "are (?:more |most )?common", "occurs?", "can occur",
    "often missed", "at risk", "risk groups?", "linked to", "associated with", "research",
    "studies", "caused by", "lose", "more likely to", "a sign of", "signs of",
    "symptoms of (?:a |an )?(?:magnesium )?deficiency", "missed", "tends? to",
    r"(?:often|usually|frequently) (?:have|get|lose|run|show)", r"(?:have|has|show) (?:lower|low|reduced)",
    r"(?:lower|low|reduced) magnesium (?:levels?|status|stores)", "run low",
    r"(?:higher|greater|increased) (?:in|among|for)",
    r"is an? (?:condition|disease|disorder)\b", "in which", r"develop\w*",
    "can (?:develop|arise|appear)", r"aris\w*", r"trials?", r"scien\w*", r"linked",
)
NEGATIONS = (
    "not", "no", "never", "don'?t", "doesn'?t", "cannot", "can'?t",
)
QUESTION_PRODUCT = (
    "this", "our", "magnesium", "try", "take", "choose",
)

EFFECT = (
    r"support\w*", r"boost\w*", r"improv\w*", r"enhanc\w*", r"strengthen\w*", r"promot\w*",
    r"help\w*", "aids?", r"maintain\w*", "keeps?", r"build\w*", r"restor\w*", r"optimi[sz]\w*",
    r"increas\w*", r"rais\w*", "lifts?", r"sharpen\w*", r"energi[sz]\w*", r"protect\w*",
    r"nourish\w*", r"fuel\w*", r"power\w*", "gives?", "good for", "essential", "important",
    "needed", "vital", r"contribut\w*", r"plays? a\b.{0,15}\brole", "has a role", "makes? you",
    r"reduc\w*", r"fight\w*", r"combat\w*", r"balanc\w*", "revs? up", r"speed\w* up", r"relax\w*",
    "cope", r"recharg\w*", "wake up", "eas(?:e|es|ed|ing)(?! of)", r"sooth\w*", r"calm\w*",
    r"settl\w* down", r"regulat\w*", r"stimulat\w*", r"activat\w*", r"nurtur\w*", r"feed\w*",
    r"recover\w*", r"repair\w*", r"rejuvenat\w*", r"revitali[sz]\w*", "kick-?starts?", r"charg\w*",
    "without the crash", "from within", r"unlock\w*", r"(?:indications?|applications?|uses?|used for|recommended for|target group|"
    r"benefits?|key benefits|effects?|helps with|good for) ?:", r"ensur\w*", "makes? sure", r"loosen\w*", r"curb\w*",
    r"supercharg\w*", "stay(?:s)?", r"slows?(?: down)?|slowing(?: down)?|delay(?:s|ing)?",
    r"never (?:feel|be|get|become|go)(?= (?:\w+ ){0,2}\w+ again\b)", r"all day(?: long)?", "around the clock", "without limits",
    r"(?:has|have|'ve) never (?:been|felt)", r"since (?:i (?:started|began|take|took|switched)|taking|starting|using)", r"from morning (?:to|till|until) night", "24/7",
)
EFFECT_ADJECTIVES = (
    "more", "better", "less", "healthy", "healthier", r"strong\w*", "supple", "flexible",
    r"sharp\w*", "glowing", "radiant", "instant", "all[- ]day", "optimal", "peak", "faster",
    "quicker", "normal", "resilient", "higher", "extra", "boundless", "endless", "natural",
    "restful", "calm", "clear", "smooth", "steady", "lasting", "sustained", "full", "new",
    "renewed", "vibrant", "clearer", "smoother", "softer", "brighter", "firmer", "calmer", "happier", r"laser(?:-sharp)?", "razor-sharp", "crystal-clear", "limber", "rock-solid", "solid", "iron", "unbreakable", "bulletproof", "much",
    "unlimited", "limitless", "infinite", "non-?stop", "never-ending", "tireless", "superior", "maximum", "ultimate",
)
EFFECT_BEFORE = (
    "for",
)

CLAIM_FRAMES = (
    r"contribut\w* to", r"plays? a\b.{0,20}\brole", r"has a\b.{0,20}\brole",
    "helps? (?:to )?maintain", "supports? normal", "maintains? normal",
    # another nutrient's register function, phrased like magnesium's ("normal blood clotting")
    r"normal(?:ly)? (?!kidney|renal|liver)(?:\w+ )?(?:function\w*|formation|clotting|vision|skin|hair|nails|fertility|reproduction|immune|heart|blood|cognitive|cognition|growth|development|thyroid|homocysteine|digestion|cholesterol)(?! of (?:the |your )?(?:kidneys|liver))",
)
PATIENT_CONTEXT = (
    "(?:are|is|being|been|get|gets) (?:being )?treated", "under (?:medical )?treatment",
    r"receiv\w* treatment", "your treatment", "treating (?:doctor|physician)",
)

TRANSITIVE_CUES = (
    r"reduc\w*", r"lower\w*", r"prevent\w*", r"treat\w*", "cur(?:e|es|ed|ing)", r"heal\w*",
    r"reliev\w*", r"alleviat\w*", "eas(?:e|es|ed|ing)", r"sooth\w*", r"fight\w*", r"combat\w*",
    "stops?", "ends?", r"eliminat\w*", r"banish\w*", "beats?", r"tackl\w*", r"revers\w*",
    r"normali[sz]\w*", r"regulat\w*", r"decreas\w*", r"lessen\w*", r"minimi[sz]\w*", r"manag\w*",
    r"control\w*", r"improv\w*", r"correct\w*", r"suppress\w*",
)
# The unit is about the shop, not what the product does: newsletters, orders, returns, the
# blog, menus ("Sleep tight! See you in the next newsletter", "Shop by goal: Sleep & ...").
SHOP_TALK = (
    r"orders?", "ordering", "shipping", "ships", "delivery", "deliver(?:ed|s)?", "returns?",
    r"refund\w*", "sale", "discount", r"coupon\w*", "promo code", "code", "newsletter",
    r"blog\w*", r"episodes?", "show ?notes", "articles?", "podcast", "webinar", "black friday", "cyber monday", "checkout",
    "basket", "cart", "subscription", "giveaway", r"win (?:a|an|one|our)", r"deals?", "prize", "competition", r"shop (?:by|our|the)", r"categor(?:y|ies)",
    "menu", "see you", "gift ?(?:box|card|set)s?", "in stock", "out of stock", "restock",
)
# A review or answer that says the product did nothing for a complaint claims nothing.
DENIALS = (
    r"did(?:n'?t| not)? (?:do )?nothing", r"does(?:n'?t| not)? (?:do )?nothing",
    r"(?:didn'?t|did not|doesn'?t|does not|won'?t|will not) (?!just|only|merely)(?:\w+ )?(?:help|work|do (?:anything|much)|change)",
    "no (?:effect|difference|change|improvement)", r"made no difference",
    r"nothing (?:changed|happened)", "not helped",
    r"(?:didn'?t|did not|haven'?t|have not|can'?t say i) (?:really )?(?:notice|see|feel)\w*",
)
# "Also suitable if you have diabetes" with a dietary fact (no added sugars): no claim.
SUITABILITY = (
    r"(?:also )?(?:suitable|safe|fine|ok|okay) (?:for|if|when|with)",
)
DIETARY = (
    r"(?:sugar|lactose|gluten|dairy|gelatin|gelatine)-free", "no added sugars?",
    r"(?:without|no) (?:added )?(?:sugar|lactose|gluten|dairy|gelatin)\w*", "sweetened with",
)
# fmt: on
