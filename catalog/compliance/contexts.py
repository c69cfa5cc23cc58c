"""Words for the contexts around a mention, both languages: ties to the product, other remedies, service, measuring.

Phrases are regular expressions over folded text, compiled by `lexicon`:
- TIES: the copy ties what it just said to the product ("daarom bevat onze formule...",
  "that's why our blend..."); research or a risk fact so tied is a claim, not education;
- RECOMMENDING: a professional recommending it ("de drogist raadt dit aan bij...") makes a
  claim; the professional is then no advice to see one;
- LIFESTYLE: a remedy that is not the product (a break, a walk, tea): a complaint answered
  with one is advice, not a claim, when the product is not named;
- SERVICE: the shop's staff helping to choose: customer-service chatter is shop talk;
- MEASURING: a value or condition measured or checked ("gratis bloeddruk meten", "free
  cholesterol checks") is a service, not an effect.
"""

# fmt: off

TIES = {
    "nl": (
        r"daarom", "vandaar", r"reden (?:waarom|dat) (?:we|wij|onze?)", r"(?:inspireerde|bracht) ons", "om die reden", "reden genoeg", r"dat is (?:ook )?(?:waarom|de reden)",
        r"(?:en )?dus (?:bevat|zit|hebben|geven|stoppen|voegen|heeft)", "daarvoor (?:bevat|zit|hebben|is)",
    ),
    "en": (
        r"that'?s (?:exactly |precisely )?(?:why|the reason)", r"(?:which|this|that) is (?:exactly |precisely )?(?:why|the reason)",
        r"(?:and )?so we(?:'ve| have)? (?:made|put|added|packed|designed|created|developed|formulated|use|include)",
        "reason enough", r"hence (?:our|this|we)", r"therefore (?:our|this|we)", "hence", "therefore",
        r"(?:exactly |precisely |just )?why we (?:made|created|developed|added|put|use|include|formulated|designed|chose)",
        r"the reason (?:we|our|this)", r"inspired (?:us|our)",
    ),
}
RECOMMENDING = {
    "nl": (
        r"(?:raadt|raden|raadde|raadden)\b.{0,40}\baan", r"(?:adviseert|adviseren|adviseerde|adviseerden)",
        r"(?:beveelt|bevelen|beval|bevalen)\b.{0,40}\baan", r"(?:schrijft|schrijven|schreef|schreven)\b.{0,40}\bvoor",
        r"zweert\b.{0,20}\bbij", "gebruikt (?:het|dit|deze) (?:zelf|ook)",
    ),
    "en": (
        r"recommend(?:s|ed)?", r"advis(?:es|ed)", r"suggest(?:s|ed)", r"prescrib(?:es|ed)", r"swears? by",
    ),
}
# Words between a professional and the recommending verb ("de drogist adviseert dit vaak").
RECOMMENDING_BETWEEN = frozenset(
    {"often", "also", "usually", "always", "frequently", "really", "who", "vaak", "ook", "altijd", "dikwijls", "graag", "zelf", "die"}
)
# The imperative that offers the other remedy belongs to it ("neem een warm bad", "try a walk").
LIFESTYLE_VERBS = {
    "nl": r"(?:(?:neem|nemen|maak|ga|drink|doe|probeer|gun (?:jezelf|je|uzelf)|zet|plan|pak)\s+(?:\w+\s+){0,2})?",
    "en": r"(?:(?:take|have|grab|go for|try|do|make|treat yourself to|plan|book)\s+(?:\w+\s+){0,2})?",
}
LIFESTYLE = {
    "nl": (
        r"pauze\w*", r"wandel\w*", r"wandeling\w*", "even (?:rekken|strekken|opstaan|naar buiten)", r"rek\w* en strek\w*",
        r"(?:rekken|strekken|stretchen|rekoefeningen)", "frisse lucht", r"(?:kop|kopje|mok|pot) (?:\w+ )?thee",
        r"thee", r"(?:warme?|koude?|hete?|lauwe?) (?:douche|bad|kruik|voetenbad)", "een bad", "yoga", r"ademhal\w*", r"beweg(?:en|ing)",
        r"(?:laptop|scherm|telefoon) (?:dicht|uit|weg)", r"eet (?:goed|gezond|gevarieerd|voldoende|genoeg)", "dicht (?:en|klappen)", r"(?:op tijd|vroeg) (?:naar bed|slapen)",
    ),
    "en": (
        r"(?:take|taking|have|grab) (?:a |some )?(?:short |quick |proper )?(?:break|breather|walk|nap)", r"stretch\w*",
        r"(?:step|get|go|head) (?:outside|out(?:doors)?|away from)", "fresh air", r"(?:cup|mug|pot) of (?:\w+ )?tea",
        r"cuppa", r"(?:warm|hot|cold) (?:shower|bath)", "a bath", "yoga", r"(?:deep )?breath(?:e|ing)", r"screen(?:s)? off",
        r"(?:close|shut) (?:the|your) laptop", r"eat (?:well|healthy|healthily|real food|good food|whole ?foods?|clean|balanced meals?)", r"(?:walk|stroll) (?:around|outside|in the park)",
    ),
}
SERVICE = {
    "nl": (
        r"help(?:en|t)\b.{0,20}\bgraag", r"(?:staan|staat) (?:\w+ ){0,3}klaar", r"klantenservice\w*", r"neem\w* contact",
        r"(?:ons|onze) (?:team|apothekers?|drogist(?:en)?|medewerkers?|adviseurs?|assistent(?:en|es)?)\b.{0,30}\b(?:helpen|helpt|staan|staat|denken|denkt|adviseren (?:je|u) graag)",
        r"helpen (?:je|u) (?:kiezen|verder|zoeken)", "bel ons", "mail ons", "chat met", "vraag het (?:ons|aan de balie)",
    ),
    "en": (
        r"(?:happy|glad|here|ready|pleased|always) to help", r"customer (?:service|care|support)", r"chat (?:with|to) (?:us|our)",
        "contact us", r"(?:ask|call|email|message) us", "drop us a line", r"help you (?:choose|pick|find|decide)",
        r"our (?:team|pharmacists?|staff|advisors?|experts?|assistants?)\b.{0,20}\b(?:are|is|will|can)\b.{0,20}\bhelp",
    ),
}
MEASURING = {
    "nl": (
        r"\w*(?:meting|metingen|meter|meters)", r"(?:laten |laat )?(?:meten|gemeten|meet)", r"(?:laten |laat )?(?:controleren|gecontroleerd)",
        r"controles?", r"check(?:en|s|t)?", r"(?:ge)?test(?:en|s|je|jes)?", r"screening\w*", r"bepal\w*", r"(?:laten )?prikken", "zelftest",
    ),
    "en": (
        r"measur\w*", r"checks?", "checked", "checking", r"check-?ups?", r"tests?", "tested", "testing", r"screenings?",
        r"readings?", r"monitor\w*", r"(?:get|have) (?:\w+ ){0,3}(?:checked|measured|tested)",
    ),
}
# fmt: on
