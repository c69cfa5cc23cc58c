"""The Dutch words of claims: diseases and symptoms, topics, claim verbs, advice and side effects.

Word lists are written in a small notation that `claims.py` compiles (see `lexicon.py`):
a stem matches its Dutch inflections and compounds ("kramp" finds "kuitkrampen",
"krampjes", "krampaanval"); `<stem` only as the last part of a compound ("pijn": "rugpijn",
never "pijnboompitten"); `<<stem` only inside a compound ("probleem" in "slaapproblemen",
not "geen probleem"); `~word` only as a whole word. Phrases are regular expressions over
folded text (lower case, no accents).
"""

from .conditions_nl import (  # noqa: F401 (read by `lexicon` as module attributes)
    DISEASE_PHRASES,
    DISEASE_WORDS,
    GUT_WORDS,
    MEDICINE_SUBSTITUTES,
)

# fmt: off

# --- unauthorised topics (WARN): slug -> (strong words, strong phrases, weak words, weak
# phrases). A strong word is a claim wherever it stands in shop copy; a weak one only with an
# effect word (`EFFECT`) in its clause ("sterke botten", "geeft je energie").

TOPICS: dict[str, tuple[str, tuple[str, ...], str, tuple[str, ...]]] = {
    "sleep": (
        "slaap slapen inslapen doorslapen nachtrust ~sleep ~uitgerust ~uitgeslapen ~slaapt ~sliep ~sliepen ~geslapen ~doorslaapt ~inslaapt",
        (
            "in slaap (?:vallen|valt)", r"fris (?:en \w+ )?wakker", r"goede nacht\b",
            "in slaap (?:sussen|brengen)", r"wakker (?:worden|word|wordt) als (?:herboren|een nieuw mens)", "als herboren", "(?:in )?dromenland", r"(?:slaap|slaapt|slapen|sliep) als een (?:baby|roos|blok|os)", r"(?:uitgerust|fris|energiek) wakker (?:worden|word|wordt)",),
        "",
        (),
    ),
    "anxiety": (
        "angst ~angstig ~angstige paniek piekeren ~zenuwachtig nervositeit onrust",
        (),
        "",
        (),
    ),
    "stress": (
        "stress ~overprikkeld ~overprikkeling",
        ("anti-stress", "het hoofd koel",),
        "<spanning",
        (r"dagelijkse (?:druk|spanning\w*)", "onder druk",),
    ),
    "calm": (
        "kalm kalmte ~kalmeert ~kalmerend ~kalmerende rustgevend ontspan ontspanning ~ontspant ~ontspannen ~ontspannend ~ontspannende ~zen ~relax ~relaxed ~relaxen ~chill ~chillen ~chille ~gechild ~relaxt ~relaxte",
        (
            "rustig(?:e|er)? (?:hoofd|gevoel|geest|lijf)", "innerlijke rust", "rust in je hoofd",
            r"tot rust\b", "innerlijke balans", r"(?:uitschakelen|afschakelen|ontprikkelen) na", "tot jezelf komen", r"rustig(?:e|er)? (?:kind\w*|baby\w*|nacht\w*|mensen|zenuwen)",),
        "~rust",
        (),
    ),
    "blood-pressure": (
        "bloeddruk",
        (),
        "",
        (),
    ),
    "blood-sugar": (
        "bloedsuiker bloedglucose insuline suikerspiegel glucosespiegel",
        (r"suiker(?:spiegel|schommeling)\w*", r"suiker(?:dip|crash)\w*",),
        "",
        (),
    ),
    "immunity": (
        "immuun immuunsysteem afweer ~weerstand afweersysteem immuniteit",
        ("natuurlijke (?:afweer|verdediging)",),
        "",
        (),
    ),
    "heart": (
        "hartgezondheid hartfunctie hartritme hartspier hartslag hartwerking hartvaten cardiovasculair cardiovasculaire hartgezond ~hartvriendelijk",
        (
            r"(?:je|jouw|uw|het|een|gezond|gezonde) hart\b(?! van| en ziel| voor (?:de|het|ons|onze)| op de)",
            "hart- en bloedvaten",
        ),
        "",
        (),
    ),
    "circulation": (
        "bloedsomloop doorbloeding bloedvat bloedvaten ~aderen circulatie vaatwand",
        ("koude (?:handen|voeten)",),
        "",
        (),
    ),
    "detox": (
        "detox ontgift ontgifting ontgiften ontzuren ontzuring verzuring afvalstoffen ~zuivert zuurbase",
        (
            r"zuur-base\w*",
            "(?:reinigt|zuivert|zuiveren|reinigen) (?:je|jouw|uw|het) (?:lichaam|bloed)",
            r"\bph-?(?:waarde|balans)", r"reset (?:voor|van) (?:je|jouw|uw|het) (?:lijf|lichaam)",),
        "",
        (),
    ),
    "cognition": (
        "geheugen concentratie concentreren cognitie cognitief cognitieve denkvermogen alertheid leervermogen ~hersenen hersenfunctie breinfunctie vergeetachtig denkkracht hersenkracht",
        ("helder(?:e)? (?:hoofd|geest)", "mentale scherpte", "scherp(?:e)? brein", "helder denken",),
        "~geconcentreerd ~geconcentreerde ~focus ~brein ~scherp ~scherper ~alert ~helder ~focussen ~focust ~concentreer",
        (),
    ),
    "recovery": (
        "spierherstel recuperatie hersteltijd herstelfase ~recovery recupereren ~recupereer ~recupereert",
        (
            r"herstel (?:na|van|tijdens) (?:het |je |de |jouw )?(?:sport\w*|training\w*|inspanning\w*|workout\w*|spieren)", r"sport\w* (?:&|en) herstel",),
        "~herstel ~herstelt ~herstellen ~herstelvermogen",
        (),
    ),
    "performance": (
        "prestatie prestaties sportprestatie uithoudingsvermogen duurvermogen spiermassa spieropbouw spiergroei explosiviteit ~presteren",
        ("beter (?:te )?presteren", r"presteer\w* beter", "presteert beter", r"haal (?:meer|alles|het maximale|het beste) uit (?:je|elke|iedere|jouw) (?:training|workout|sessie)\w*",),
        "~conditie ~kracht zuurstof ~power ~pr melkzuur",
        (),
    ),
    "hormones": (
        "testosteron hormoon hormonen hormoonbalans libido vruchtbaarheid ~potentie erectie schildklier schildklierfunctie lustopwekkend ~hormonaal ~hormonale serotonine melatonine dopamine cortisol ~gaba gelukshormoon stresshormoon kinderwens",
        ("zin in seks", "zwanger (?:worden|raken)", r"die (?:dagen|tijd|week) van de maand",),
        "~overgang ~cyclus zwangerschap menstruatie ongesteldheid ~ongesteld maandstonden ~menstrueel ~menstruele",
        (),
    ),
    "weight": (
        "afvallen afslanken gewichtsverlies vetverbranding vetverbrander",
        ("kilo'?s kwijt", "af te vallen", r"val(?:t|len)? (?:je |jij |u )?(?:\w+ )?af\b", "platte buik", r"(?:bikini|strand|zomer)(?:lijf|body)", r"vet (?:\w+ ){0,2}(?:verbranden|verbrandt|verbranding|smelten|smelt)", r"verbrand\w* (?:\w+ ){0,2}vet\b", r"buikvet\w*",),
        "stofwisseling metabolisme ~eetlust ~verzadigd gewicht",
        (),
    ),
    "skin-hair-nails": (
        "haargroei",
        (
            "(?:stralende|mooie|gave|gezonde|egale) huid", "sterke nagels",
            "(?:mooie|egale|stralende|gave) teint",
        ),
        "~huid ~haren ~nagels ~glow",
        (),
    ),
    "joints": (
        "kraakbeen",
        ("soepele gewrichten",),
        "gewricht gewrichten",
        (),
    ),
    "mood": (
        "levenslust geluksgevoel",
        (
            "goed(?:e)? (?:humeur|gevoel)", "mentale veerkracht", "betere stemming",
            "positieve stemming", r"zonnetje in (?:een|je) \w+", "weer (?:helemaal )?(?:jezelf|mezelf)", r"(?:lekker(?:der)?|goed) in (?:je|jouw|uw) vel", r"voel (?:je|u|jij|ik me) (?:beter|top|fantastisch|geweldig|als nieuw)", r"voel het verschil",),
        "~humeur ~stemming veerkracht welzijn welbevinden",
        (),
    ),
    "energy": (
        "energieboost ~energiek ~energieker <dip middagdip energiedip ~turbo ~pep",
        (
            "vol energie", "boordevol energie", r"(?:meer|extra|vol|boordevol) pit\b", r"batterij\w*\b.{0,25}\bop(?:laden|geladen)?\b",
            r"(?:laadt|laad)\b.{0,30}\bbatterij\w*", r"(?:in plaats van|vervang\w*|zonder|skip) (?:\w+ ){0,3}(?:koffie|espresso|energiedrank\w*|cafeine)", "vol gas", r"(?:een|je) (?:extra |flinke )?(?:boost|oppepper|kick|duwtje)", r"door(?: te)? ?bijten", r"houdt (?:je|jou|u) (?:\w+ ){0,3}gaande", "op de been",),
        "energie ~vitaliteit ~vitaal ~fit ~fitter ~fut",
        (),
    ),
    "fatigue": (
        "",
        (),
        "vermoeidheid moeheid ~moe ~vermoeid uitputting ~uitgeput ~lusteloos",
        (),
    ),
    "muscles": (
        "spierkracht spierfunctie spierwerking spieropbouw",
        (),
        "spier spieren",
        (),
    ),
    "bones-teeth": (
        "botsterkte botgezondheid",
        (),
        "~bot ~botten gebit ~tanden ~tand tandvlees ~skelet botdichtheid",
        (),
    ),
    "nerves": (
        "",
        (),
        "zenuw zenuwen zenuwstelsel",
        (),
    ),
    "psychological": (
        "",
        ("mentale gezondheid",),
        "~psychisch ~psychische ~psychologisch ~psychologische ~mentaal ~mentale ~geestelijk ~geestelijke",
        (),
    ),
    "cell-division": (
        "celgroei celvernieuwing",
        (),
        "celdeling celdelingsproces",
        (),
    ),
    "digestion": (
        "spijsvertering darmflora stoelgang darmgezondheid darmwerking microbioom",
        ("gezonde darmen", r"houdt (?:de boel|alles|het) (?:in beweging|op gang)",),
        "~darmen ~darm",
        (),
    ),
    "antioxidant": (
        "antioxidant antioxidanten antioxidatief antioxidatieve celbescherming",
        ("oxidatieve (?:stress|schade)", "vrije radicalen"),
        "",
        (),
    ),
    "ageing": (
        "anti-aging anti-ageing verjong ~verjongt ~verjongend",
        (r"jonger (?:uitzien|worden|voelen|ogen)",),
        "veroudering",
        (),
    ),
    "organs": (
        "bijnier bijnieren",
        (),
        "~lever leverfunctie",
        (),
    ),
    "health": (
        "",
        (),
        "gezondheid",
        (),
    ),
    "hydration": (
        "~hydrateert",
        (),
        "hydrateren hydratatie hydratie ~gehydrateerd ~gehydrateerde vochtbalans vochthuishouding",
        (),
    ),
}

# Phrases in which a topic word names no effect ("slaapkamer", "met hart en ziel").
TRAPS = (
    r"slaapkamer\w*", r"slaapzak\w*", r"slaapbank\w*", r"slaapplaats\w*", "slaapkleding",
    r"slaapmasker\w*", "slapengaan", r"voor het (?:slapen|naar bed)\w*( gaan)?",
    "(?:voor|na) het slapen gaan",
    r"(?!pijn)\w+-?vrij(?:e)? (?:bestellen|winkelen|verzending|verpakking|retourneren|shoppen|betalen)",
    "hart en ziel", "hart voor de zaak", "(?:in )?het hart van", r"cardiotraining\w*",
    r"bloeddrukmeter\w*", r"weerstandsband\w*", "rustig(?:jes)? (?:in|door|aan)", "rustige plek",
    "op de huid", "(?:spoel|was|droog) (?:je|de|uw) huid", "ontspannen sfeer", "focus ligt",
    "onze focus", "in de overgang van",
    r"\w*(?:meter|meters|monitor|monitors|horloge|horloges|tracker|trackers)\b",
    "slaap lekker", "slaapwel", "welterusten", "kalm(?:pjes)? aan", "geen paniek",
    r"wakker (?:liggen|lig|ligt) van", r"kalme? (?:zee|water|weer|wind|meer)", r"(?:gekoeld|koud) (?:serveren|bewaren|drinken)", r"slaap(?:collectie|assortiment|afdeling|accessoires|artikelen)\w*",
    r"uit(?:slapen|slaapt|sliep|sliepen)\b|(?:slapen|slaap|slaapt|sliep|sliepen)\b.{0,20}\buit\b", r"(?:blijf|blijft|blijven) (?:goed )?gehydrateerd",
)

# --- words that make a disease mention a claim (BLOCK) -------------------------------------
# `voorkomen` is decided by its construction in `claims.py` ("voorkomt krampen" prevents,
# "kan voorkomen bij ouderen" occurs).

STRONG_CUES = (
    "ter voorkoming", "voorkoming", r"preventie\w*", r"preventief\w*", "behoedt?", "behoeden",
    r"bescherm\w*", r"behandel\w*", r"genee?s\w*", r"genezing\w*", "genezen", "heelt",
    r"helend\w*", "heling", r"remedie\w*", r"therapie\w*", r"therapeutisch\w*", r"verlicht\w*",
    r"verzacht\w*", r"verhelp\w*", r"bestrijd\w*", r"pakt\b.{0,40}\baan", r"aanpak\w*",
    "aan te pakken", "helpt (?:bij|tegen|met|je van|je af)", "helpen (?:bij|tegen)",
    r"werkt?\w* (?:\w+ )?(?:tegen|bij)", "effectief", r"verminder\w*", r"verla+g\w*",
    r"verklein\w*", "vermindering", "minder", r"normalise+r\w*", "normaliseert", r"regule+r\w*",
    "reguleert", "stopt", "stoppen", "stilt", "stillen", r"\w*stillend\w*", r"\w*remmend\w*",
    r"\w*verlagend\w*", "remt", "remmen", r"verdwijn\w*", "verdwenen", "nooit meer",
    r"geen\b.{1,60}\bmeer", "vaarwel", "weg met", "dag tegen", "tot ziens", "verleden tijd",
    "een einde aan", "rekent af", "afrekenen", "verlost?", "verlossing", "kwijt", "onder controle",
    "de baas", "geen kans", "oplossing", "antwoord op", r"overwin\w*", "herstelt", r"corrige+r\w*",
    "corrigeert", r"vult\b.{0,30}\baan", r"aanvull\w*", "tegengaan", r"gaat\b.{0,30}\btegen",
    "tegen te gaan", r"klinisch\w*", "bewezen", "iets aan (?:te )?doen", "er iets aan",
    r"natuurlijke? (?:medicijn|geneesmiddel|middel|remedie|pijnstiller|alternatief)\w*",
    "alternatief voor", "in plaats van (?:medicijnen|pijnstillers|slaappillen|medicatie)",
    r"kalme+r\w*", "kalmeert", r"lost\b.{0,40}\bop\b", "oplossen", "korte metten",
    r"(?:een )?halt toe\w*", "een stokje (?:voor|steken)", "de kop (?:in)?(?:drukken|ingedrukt)",
    "de wereld uit", "verslaan", "verslaat", "kwijtraken", r"raak\w* je\b.{0,30}\bkwijt",
    r"ben je\b.{0,30}\bkwijt", "niet meer", "nergens (?:meer )?last", r"verlos\w*", "temmen",
    "temt", r"bedwing\w*", r"onderdruk\w*", r"wondermiddel\w*", r"redmiddel\w*", "uitkomst",
    r"verschil (?:merk|voel|zie)\w*", r"(?:merk|voel|zie)\w*\b.{0,20}\bverschil", "doet wonderen",
    "zweren? (?:erbij|bij)", r"sinds (?:ik|wij|we|mijn|m'n|hij|zij|ze|deze|dit|dat|het gebruik|onze|ons)\b", "weerstand tegen", r"\w*patient\w*",
    r"\w*lijders?", "herstel (?:na|van)", "op afstand", "buiten de deur",
    "(?:snel )?gevoelig voor", "vatbaar voor", "de baas (?:blijven|te blijven|worden)",
    # verlossing en getuigenissen: "Eindelijk van mijn spit af", "voorheen ... nu bijna nooit
    # meer", "na 6 weken", "helpt je er vanaf", "bye bye brain fog"
    r"neutralise+r\w*", "neutraliseert", r"doorbre+k\w*", "opgelost", r"een stuk (?:lager|minder|beter)",
    "af van", r"van (?:mijn|je|jouw|die|de|z'n|zijn|haar|m'n) (?:\w+ ){0,2}af\b", r"er ?(?:van)? ?af\b",
    "bye ?bye", "doei", r"(?:zakt|trekt|ebt) (?:weg|af)", "levensveranderend", "mijn redding",
    r"bij de eerste (?:tekenen|signalen|tekens|klachten|symptomen|verschijnselen)(?: van)?", r"demp\w*",
    r"verkort\w*", r"neemt\b.{0,30}\bweg", r"haalt\b.{0,30}\bweg", r"jaagt\b.{0,30}\bweg", r"verdrijf\w*",
    r"verja+g\w*", r"weert\b.{0,30}\baf", "afweren", r"houdt\b.{0,30}\btegen", r"blokke+r\w*", "sust",
    r"van (?:\d+|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)\b.{0,30}\bnaar (?:\d+|een|nul|twee|drie)\b", r"het enige (?:wat|dat)", r"vertraa?g(?:t|en)|vertraging van", r"weer (?:op (?:het goede )?(?:spoor|peil)|normaal|in orde)", r"#heal\w*",
    r"afbouw\w*", "afkicken", r"maakt?\b.{0,20}\bverschil", r"(?:is|zijn|was|waren) (?:\w+ )?(?:weg|verdwenen)\b",
    "gestopt", r"strijd (?:tegen|aan)", r"(?:eerste hulp|ehbo|ehbo-kit|sos-kit) (?:bij|voor|tegen)", "redder in nood", "sos", "eronder", "onder de duim", "in toom",
    r"^(?:dag|daag|doei)\b", r"welterusten,", "wegwezen", "tegenstander", "dagen zijn geteld",
    r"haalt\b.{0,25}\b(?:uit|weg)\b", r"stopte\w*",
    r"(?:zet|krijgt|brengt) (?:de boel|alles|het) (?:weer )?(?:in beweging|op gang)",
    # de kopjes van een productblad: "Indicatie: krampen", "Toepassing: verlichting van..."
    r"(?:indicaties?|indicatie\w*|toepassing\w*|toepassingsgebied\w*|gebruik bij|aanbevolen bij|werkzaam bij|"
    r"doelgroep|geschikt bij|voordelen|werking|helpt bij|goed voor) ?:",
)
# Weaker words: a claim with a disease in the same unit, unless the context rescues it.
WEAK_CUES = (
    # voor en na, en wanneer innemen: "voorheen ... nu bijna nooit meer", "bij de eerste
    # tekenen van kramp" (advies redt nog: "Na 2 weken nog klachten? Ga naar je huisarts")
    "voorheen", "vroeger", "eindelijk", r"na (?:\d+|een paar|enkele|twee|drie|vier|zes|acht) (?:dagen|weken|maanden)",
    r"binnen (?:\d+|een|twee|drie|enkele) (?:dag|dagen|week|weken|maand|maanden)",
    r"nu (?:bijna |nog maar |haast )?(?:nooit|niet|geen|zelden|amper|nauwelijks)", r"in (?:jaren|maanden)\b",
    r"(?:opkomen|opkomt|opkomende|aankomen|aan voelt komen)", "zodra je",
    r"(?:beter|rustiger|minder|lichter|milder|zeldener|korter|zwakker)", r"ontspan\w*",
    r"last (?:hebt |heeft |hebben |heb |had )?van", r"probeer (?:dan |het |eens |ook )*(?:eens )?", r"niets? anders",
    r"(?:ontwikkeld|samengesteld|gemaakt|bedoeld|geformuleerd) voor", r"(?:toeslaat|opspeelt|de kop opsteekt)",
    r"aanrader (?:voor|bij)", r"aanbevolen (?:door \w+ )?(?:bij|voor)", r"risico op", "om te gaan met", "omgaan met",
    "tegen", "helpt", "helpen", "hulp bij", "ideaal", "speciaal", "onmisbaar", "essentieel",
    r"ondersteun\w*", "goed (?:voor|bij|tegen)", "dankzij", r"verbeter\w*", "zonder", "last van",
    r"lijd\w*", r"patient\w*", "mensen met", "wie last", "iedereen met", "vrouwen met",
    "mannen met", "kinderen met", "ouderen met", "sporters met", "bij", "voor", r"anti-?\w+",
    r"\w+-?vrij\w*", "neem", "nemen", "innemen", "gebruik", "gebruiken", "formule", "kuur",
    "complex", "ondersteuning", "steun", r"herstel\w*", "weg",
    r"(?:mensen|vrouwen|mannen|kinderen|ouderen|sporters|iedereen|wie|klanten|moeders|volwassenen|zwangeren) (?:met|die last|die lijden|die \w+ hebben)",
    # wie ermee worstelt, en wat afneemt: "baat bij", "sukkelen met", "aanvallen nemen af"
    "baat bij", r"(?:bezorgd|ongerust) (?:over|om)", "bang voor", r"kamp\w* met", r"worstel\w* met", r"sukkel\w* met",
    "afnemen", r"(?:neemt|nemen|nam|namen)\b.{0,20}\baf\b", r"(?:dalen|daalt|daalde|daalden|gedaald)", r"daling\w*",
    r"(?:met|bij) (?:genoeg|voldoende|extra|meer) magnesium",
)
# Cues that only count right before the disease ("bij kramp", "voor migraine") or right
# after it ("kramp weg", "migraineformule" is one word and needs no rule).
ADJACENT_CUES = (
    "bij", "voor", "zonder", "tegen",
)
ADJACENT_AFTER = (
    "weg", "formule", "kuur", "complex", r"survival-?kit", "overlevingspakket", "overlevingskit", "pakket", r"nood(?:pakket|kit)\w*",
)

# --- contexts that rescue a mention --------------------------------------------------------

ADVICE = (
    r"raadple+g\w*", r"overleg\w*",
    r"vraag\w* (?:\w+ ){0,3}(?:je|jouw|uw|de|een) (?:huis)?arts\w*",
    r"vraag\w* (?:\w+ ){0,3}(?:je|jouw|uw|de|een) (?:apotheker|verloskundige|specialist)\w*",
    "(?:ga|gaan) (?:dan |eerst )?naar (?:je|jouw|uw|de|een) (?:huis)?arts", "neem contact op",
    "niet (?:gebruiken|geschikt|bedoeld|aanbevolen|innemen|combineren)", "gebruik (?:geen|niet)",
    "neem geen", r"(?:neem|gebruik)\b.{0,25}\bniet\b", "geen magnesium", "geen geneesmiddel", "geen medicijn", "geen vervanging",
    "vervangt? geen", "stop(?:pen)? (?:dan )?(?:met|het gebruik)", "staak", "informeer", "in overleg",
    "medisch (?:advies|toezicht)", "onder (?:medisch )?toezicht",
    "advies van (?:je|jouw|uw|een|de)", r"houd\b.{0,40}\b(?:uur|afstand)",
    r"(?:minstens|ten minste) \d+ uur", "bij twijfel", r"laat\b.{0,40}\bcontroleren",
    "zonder (?:overleg|advies|toestemming)", "tenzij", "niet voor (?:mensen|kinderen|vrouwen)",
    "(?:huis)?arts of apotheker", "je (?:huis)?arts", "uw (?:huis)?arts", "de (?:huis)?arts",
    "je apotheker", "uw apotheker", "verloskundige", "geen (?:medische|gezondheids)?claims?",
    r"(?:vraag|raadpleeg|overleg|bespreek|informeer|meld)\w*\b.{0,60}\b(?:arts|artsen|huisarts|apotheker|specialist|cardioloog|verloskundige|behandelaar|zorgverlener|dietist|gynaecoloog|internist|neuroloog)\w*",
    "advies (?:aan|van|bij) (?:je|jouw|uw|een|de)",
    r"(?:bespreek|overleg|bespreken)\w*\b.{0,60}\b(?:zorgteam|behandelteam|zorgverlener|behandelaar)\w*",
    r"(?:huis)?artsen?\b.{0,20}\b(?:bespreken|overleggen|raadplegen)",
    r"vraag\w* (?:\w+ ){0,2}advies", "(?:win|vraag) (?:eerst )?(?:medisch )?advies in",
)
# Disclaimers deny every claim word of their sentence ("niet bedoeld om te voorkomen,
# behandelen of genezen").
DISCLAIMERS = (
    "niet bedoeld", "geen geneesmiddel", "geen medicijn", "geen (?:medische )?claims?",
    "(?:geneest|voorkomt|behandelt|verhelpt) (?:niet|geen)",
    r"kan\b.{0,30}\bniet (?:genezen|voorkomen|behandelen)", "vervangt? geen", "geen vervanging",
    r"(?:zijn|is|worden|wordt) niet toegesta\w*", "niet toegestaan",
    r"mag (?:\w+ )?niet (?:beweren|claimen|zeggen)",
    r"geen (?:\w+ )?(?:gezondheids)?claims?\b.{0,40}\b(?:toegestaan|goedgekeurd)",
    r"geen toegestane \w*claims?", "niet (?:verkocht|bedoeld|bestemd|gemaakt) om",
    # weigeren te claimen: "wij beloven niet dat...", "dat mag niet van de wet"
    r"(?:beloven|belooft|beweren|garanderen|claimen|zeggen) (?:we |wij |ik )?(?:(?!dat |het )\w+ )?niet",
    r"(?:mogen|kunnen) (?:we |wij )?(?:\w+ )?niet (?:beloven|beweren|zeggen|claimen|garanderen)",
    r"mag (?:ook )?niet van de wet", "geen beloftes?",
)
SIDE_EFFECT = (
    r"kan\b.{0,40}\b(?:geven|veroorzaken|krijgen)", r"veroorza+k\w*", "last krijgen",
    r"krijg\w*\b.{0,20}\blast", r"bijwerking\w*", "na (?:de )?inname", "na het innemen",
    r"bij (?:een )?hoge(?:re)? dos\w*", "in het begin", r"minder (?:snel|kans|vaak)\b.{0,60}\bdan",
    "dan (?:bij )?(?:oxide|citraat|andere)", "mild voor", "vriendelijk voor", "licht laxerend",
    "laxerend effect", "te veel magnesium", "het kan voorkomen dat", "kan het voorkomen dat",
    "merk je", r"als je\b.{0,30}\bmerkt",
    r"(?:met|bij|tijdens) (?:het |de )?(?:eten|maaltijd|ontbijt)", r"(?:verlaag|verminder|halveer) de dosis",
)
MEDICATION_NOUNS = (
    r"(?:medicijn|medicatie|geneesmiddel|middel|pil|tablet)\w*",
    r"\w+(?:remmer|remmers|verlager|verlagers|verdunner|verdunners|binder|binders|medicatie|middelen|medicijnen|pillen)",
    "bisfosfonaten?", "antibiotica?", "insuline", "statines?", "diuretica?", "plaspillen",
    "maagzuurremmers?", "medicijnen", "medicatie", "geneesmiddelen",
    r"\w+(?:verlagende|remmende|verdunnende|afdrijvende|beschermende) (?:middel|middelen|medicijnen?|medicatie|geneesmiddel(?:en)?|pillen|tabletten)",
)
MEDICATION_USER = (
    "je", "jouw", "uw", r"gebruik\w*", r"ne+m\w*", r"slik\w*", "voor", "van",
)
OCCURRENCE = (
    r"komt\b.{0,40}\bvoor(?! (?:het|de|je|jouw|uw|een|jezelf)\b)",
    r"komen\b.{0,40}\bvoor(?! (?:het|de|je|jouw|uw|een|jezelf)\b)", "vaker", "vaak gemist", r"risicogroep\w*",
    "in verband gebracht", r"onderzoek\w*", "studies", "ontstaat", r"oorza\w*", r"verlies\w*",
    r"lopen\b.{0,20}\brisico", "hebben vaker", r"wordt\b.{0,30}\bgezien", "een teken", "signalen",
    "kan (?:wijzen|duiden) op", "wordt vaak", "gemist",
    "is een (?:aandoening|ziekte|stoornis|conditie)", "waarbij", r"ontsta\w*",
    "kan (?:ontstaan|optreden)", r"treedt\b.{0,30}\bop",
    r"(?:kan|kunnen)\b.{0,40}\b(?:wijzen|duiden)\b", r"(?:groter|hoger|kleiner|vaker) (?:bij|onder|voor)",
    r"wetenschap\w*", r"studie\w*", r"koppel\w*",
)
NEGATIONS = (
    "niet", "geen", "nooit",
)
QUESTION_PRODUCT = (
    "dit", "deze", "magnesium", "onze?", "probeer", "neem", "kies",
)

# --- effect words that make a weak topic word a claim (WARN) --------------------------------

EFFECT = (
    r"ondersteun\w*", r"steun\w*", r"boost\w*", r"vertra+g\w*", r"verbeter\w*", r"versterk\w*", r"bevorder\w*",
    r"help\w*", r"stimul\w*", r"draagt\b.{0,30}\bbij", "bijdraagt", "bijdragen",
    r"speelt\b.{0,25}\brol", "zorgt? voor", "geeft", "geef", "houdt", "goed voor", "essentieel",
    "belangrijk", "nodig voor", "onmisbaar", r"verho+g\w*", r"verla+g\w*", r"verminder\w*",
    "vermindering", r"bescherm\w*", "op peil", "in balans", "opbouw", "bouwt", "maakt", "sneller",
    r"verhelp\w*", r"bestrijd\w*", "tegen", "voeden", "voedt", "laat je", "oppepper", "opkikker",
    r"herstel\w*", r"ontspann\w*", "omgaan met", "om te gaan", r"kalme+r\w*", "kalmeert",
    r"brengt\b.{0,30}\btot rust", "tot rust", r"verzacht\w*", "sust", r"laadt\b.{0,30}\bop",
    r"oplad\w*", "tandje (?:hoger|erbij)", "hoger", "omhoog", r"vlot\w*", r"regel\w*", r"regul\w*",
    r"zet\b.{0,30}\baan", r"active+r\w*", "activeert", r"prikkel\w*", r"verdrijf\w*",
    r"verja+g\w*", r"zorg\w* (?:er)?voor", "blijf", "blijft", "blijven", "van binnenuit",
    r"(?:indicatie\w*|toepassing\w*|doelgroep|voordelen|werking|goed voor|helpt bij) ?:",
    r"(?:de )?hele dag (?:door|lang)", r"zonder (?:grenzen|limiet|einde)", "next level", r"nog nooit zo\b",
    # een getuigenis: "mijn huid is sinds deze gummies veel egaler"
    r"sinds (?:ik|deze|dit|ik deze|ik dit|het gebruik)\b", r"(?:de )?hele dag\b.{0,15}\bdoor\w*", r"van 's ?(?:ochtends|morgens) tot 's ?avonds", "24/7",
)
# Adjectives and quantities that make a claim only right before the topic ("sterke botten",
# "meer energie"), not anywhere in the sentence ("botten worden dunner en brozer").
EFFECT_ADJECTIVES = (
    "meer", r"beter\w*", "minder", r"gezond\w*", r"sterk\w*", r"stevig\w*", r"soepel\w*",
    r"scherp\w*", r"optima\w*", r"energiek\w*", "vitaal", "vitale", r"krachtig\w*", "extra",
    "vol(?:doende)?", "fitter", "normale?", r"weerbaar\w*", r"stralend\w*", r"rustig\w*",
    "vlotte?", "heldere?", r"mooi\w*", r"strakke\w*", r"gladde\w*", r"zachte\w*", r"lenig\w*", "messcherp", "haarscherp", "kristalhelder", "onuitputtelijke?", "eindeloze?", "nieuwe?", "stalen", r"ijzersterk\w*",
    "ijzeren", r"rotsvast\w*", r"onbreekbaar\w*", r"supersterk\w*", "veel", "zoveel",
    r"onbeperkt\w*", r"grenzeloz\w*", r"oneindig\w*", r"eindeloos\w*", "non-?stop", "superieure?", "maximale?", "ultieme?",
)
EFFECT_BEFORE = (
    "voor",
)

# Frames of the authorised claims: what is left of them after the exact wording is removed
# is a misquote ("draagt bij tot een normale spierwerking").
CLAIM_FRAMES = (
    r"(?:draagt|dragen)\b.{0,60}\bbij\b", "bijdraagt", "bijdragen", r"speelt\b.{0,30}\brol",
    "heeft een rol", "een rol (?:bij|in)",
    # de functie van een andere voedingsstof, verwoord als die van magnesium ("normale bloedstolling")
    r"normaa?le? (?!nier|lever)(?:\w+ )?(?:\w*functie|\w*werking|\w*stolling|\w*vorming|zicht|huid|haar|nagels|vruchtbaarheid|voortplanting|afweer|\w*immuun\w*|hart\w*|bloed\w*|cognitie\w*|groei|ontwikkeling|schildklier\w*|spijsvertering)(?! van (?:de |het |je )?(?:nier|lever))",
)
PATIENT_CONTEXT = (
    "onder behandeling", "in behandeling", "(?:wordt|worden|bent|ben|is) (?:je |u )?behandeld",
    "behandeld (?:wordt|worden)", "(?:je|jouw|uw) behandeling", "behandelend(?:e)? arts",
)

TRANSITIVE_CUES = (
    r"verla+g\w*", "vermindert", "verminderen", r"verho+g\w*", "voorkomt", "behandelt", "geneest",
    "verlicht", "verhelpt", "bestrijdt", "remt", "stopt", r"beinvloed\w*", "veroorzaakt",
    "veroorzaken",
)
# De tekst gaat over de winkel, niet over wat het product doet: nieuwsbrief, bestellen,
# retour, de kennisbank, het menu ("Slaap lekker, en vergeet je kortingscode niet").
SHOP_TALK = (
    r"bestel\w*", r"verzend\w*", r"verzonden", r"lever(?:ing|tijd|en|t|d)\w*", r"geleverd",
    r"retour\w*", "bedenktijd", r"korting\w*", "kortingscode", "code", r"uitverkoop", "sale",
    r"nieuwsbrief\w*", r"blog\w*", r"aflevering\w*", "shownotes", r"artikel\w*", r"kennisbank\w*", "podcast", "webinar",
    "black friday", r"winkelmand\w*", r"win (?:een|de)", "winnen", r"aanbieding\w*", r"abonnement\w*", r"giftbox\w*", r"cadeau\w*",
    r"categorie\w*", "menu", "tot (?:morgen|volgende week|snel|dan)", "op voorraad",
    r"winactie\w*", r"shop (?:op|per)",
)
# Een review of antwoord dat zegt dat het product niets deed voor een klacht, claimt niets.
DENIALS = (
    r"(?:helpt|hielp|werkt|werkte|deed|doet)\b(?: \w+){0,3} (?:niet|niks|niets)\b(?! alleen| enkel| zomaar)",
    r"(?:heeft|had)\b(?: \w+){0,3} niet (?:geholpen|gewerkt)", "geen (?:effect|verschil|verbetering)",
    r"(?:niks|niets) (?:gemerkt|van gemerkt|veranderd)", r"(?:merk|merkte|voel|voelde|zie|zag) (?:ik )?(?:er )?(?:niks|niets|geen verschil)",
)
# "Ook te gebruiken als je diabetes hebt" bij een voedingsfeit (geen toegevoegde suikers).
SUITABILITY = (
    r"(?:ook )?(?:geschikt|te gebruiken|bruikbaar|veilig) (?:voor|bij|als|wanneer)",
)
DIETARY = (
    r"(?:suiker|lactose|gluten|zuivel|gelatine)vrij\w*", r"geen (?:toegevoegde )?(?:suiker|lactose|gluten)\w*",
    r"zonder (?:toegevoegde )?(?:suiker|lactose|gluten)\w*", "gezoet met",
)
# fmt: on
