"""The Dutch names of conditions: diseases, symptoms, their markers and the medicines that treat them.

A claim to prevent, treat or relieve one is medicinal (Directive 2002/46/EC art. 6(2), Reg.
(EU) 1169/2011 art. 7(3)). Word entries use the compound notation of `lexicon_nl` (a stem
finds its inflections and compounds: "kramp" in "kuitkrampjes"; `<` only as the last part,
`<<` only inside a compound, `~` only as a whole word); phrases are regular expressions over
folded text. `lexicon_nl` takes these in.
"""

# fmt: off

DISEASE_WORDS = """
migraine hoofdpijn <pijn <<pijnen pijnklacht <klacht <klachtje <<probleem <<problemen
kramp krampje spasme spasmen spierspasme <trekking zenuwtrek ~tic ~tics ~trillende <trilling
diabetes ~diabeet ~diabeten ~diabetici ~diabeticus ~diabetisch ~diabetische suikerziekte
depressie ~depressief ~depressieve ~depressiviteit ~somberheid neerslachtig
osteoporose botontkalking osteopenie botverlies botbreuk fractuur artritis artrose reuma jicht
kanker tumor alzheimer dementie geheugenverlies
astma hypertensie slapeloosheid insomnia slaapstoornis <<stoornis <<stoornissen
hartziekte hartaandoening hartfalen hartinfarct hartaanval hartritmestoornis hartklopping
boezemfibrilleren aritmie beroerte herseninfarct trombose aderverkalking atherosclerose
cholesterol <ziekte <ziektes <ziekten aandoening ~kwaal ~kwalen syndroom symptoom symptomen
eclampsie zwangerschapsvergiftiging fibromyalgie ~adhd ~add autisme ~rls
verstopping obstipatie constipatie diarree misselijk misselijkheid zuurbranden reflux maagzuur
niersteen nierstenen tekort tekorten deficientie hypomagnesiemie
~pms premenstrueel opvlieger opvliegers ontsteking infectie griep verkoudheid koorts
~burnout burn-out overspannenheid ~overspannen tinnitus oorsuizen epilepsie ~stuipen
tinteling tintelingen gevoelloosheid paniekaanval angstaanval angststoornis
stemmingswisseling prikkelbaarheid ~prikkelbaar blessure ~kater jetlag eczeem acne psoriasis
haaruitval overgewicht obesitas insulineresistentie ischias hernia stijfheid ~spit
hersenschudding concentratiestoornis nachtzweten ~spastisch ~spastische ~verkrampt ~verkrampte operatie ingreep ziekenhuisopname ~tintelend ~tintelende ~pijnlijk ~pijnlijke jeuk ~jeukend ~jeukende duizeligheid ~duizelig flauwvallen spierzwakte koliek endometriose ~pcos allergie allergieen hooikoorts koortslip virus ~virussen wond ~wonden littekens verstuiking zweer maagzweer angina tandbederf ~overgeven braakneiging ochtendmisselijkheid hartoverslag ~bedplassen zenuwpijn neuropathie duizeligheid oorontsteking hoest ~zwangerschapsmisselijkheid spatader spataderen aambei aambeien ~incontinentie blaasontsteking
tandenknarsen knarsen bruxisme hyperactiviteit ~hyperactief ~hyperactieve ~aura ~aura's hersenmist
~lumbago tennisarm muisarm ~rsi hielspoor whiplash galsteen galstenen colitis ~crohn coeliakie diverticulitis
oprisping oprispingen winderigheid hyperventilatie ~ocd ~ptss ~bipolair ~bipolaire schizofrenie anorexia
boulimia ~parkinson lupus ~hashimoto hypothyreoidie hyperthyreoidie bloedarmoede anemie sarcopenie ~fibro
apneu narcolepsie bronchitis ~covid sinusitis glaucoom neuralgie tetanie tachycardie bradycardie
extrasystole extrasystolen hypotensie aneurysma embolie oedeem ~gezwollen reumatoide spondylose scoliose
hepatitis cirrose pancreatitis leververvetting hypoglykemie hyperglykemie retinopathie nefropathie ~tourette
fobie babyblues ~pmdd dialyse chemo chemotherapie parodontitis gingivitis caries tandplak ~plaque gordelroos
herpes ~wrat wratten rosacea dermatitis netelroos galbulten candida miskraam onvruchtbaarheid impotentie
~tintelen ~tintelt hartfladderen voorweeen <aanval opstoot opstoten ~prediabetes ~prediabeet ~insomnie ~hernia ~copd ijzergebrek voetschimmel
~puistjes <uitslag ~raynaud verslaving ~gaatjes maculadegeneratie ~meniere
spasmofilie spasmophilie ~spasmofiel ~spasmofiele tetanische vroeggeboorte weeen dysmenorroe dysmenorree dysmenorrhoe
menorragie amenorroe bekkeninstabiliteit zwangerschapshypertensie <itis myalgie artralgie fasciculatie myoclonie
dystonie myopathie tendinopathie ~ictus ~cva surmenage neurasthenie colopathie hypercholesterolemie arthrose cefalee
~hypertension ~insomnia zenuwinzinking krampaanval ~prematuur ~prematuren
~cramp ~cramps ~cramping ~migraines ~headache ~headaches
"""

DISEASE_PHRASES = (
    "(?:te )?hoge bloeddruk", "verhoogde bloeddruk", r"(?:te )?hoge bloedsuiker\w*",
    "rusteloze benen", "chronische vermoeidheid", "brandend maagzuur", "doof gevoel",
    r"epileptische aanval\w*", "metabool syndroom", "onregelmatige hartslag",
    r"hart- en vaatziekte\w*", r"me/cvs|\bcvs", r"trillende? (?:oogleden|ooglid|handen|spieren)",
    "stijve spieren", "zware benen", "dunne ontlasting", "opgeblazen gevoel",
    "verlies van eetlust",
    r"verstoorde? (?:hartritme|slaap|nachtrust|darmflora|spijsvertering|stoelgang)\w*",
    r"onregelmatige? (?:hartritme|hartslag)\w*", "onrustige benen",
    "spastische (?:darm|dikke darm|colon)",
    "(?:te )?(?:hoge|snelle|onregelmatige|verhoogde) hartslag", "jagend(?:e)? hart",
    "bonzend(?:e)? hart", r"zware (?:menstruatie|menstruaties|ongesteldheid)\w*", "broze botten",
    "blauwe plekken", "long covid", r"doorkomende tand\w*",
    "(?:prikkelbare|overactieve|trage|lekkende|zwakke|ontstoken|vergrote|luie) (?:darm|darmen|blaas|schildklier|maag|nieren|lever|hart|prostaat)",
    r"gebroken (?:enkel|arm|been|pols|heup|rib|teen|vinger|botten|bot)\w*",
    r"restless[- ]legs?", r"brain ?fog", "slapeloze nachten?", r"type[- ]?(?:2|ii|1)\b", "harde buiken",
    r"(?:piepen|suizen|fluiten|ruisen|piepende|suizende)(?: en (?:piepen|suizen|fluiten|ruisen))? (?:in|van) (?:je|de|mijn|uw|zijn|haar|m'n) oren",
    "(?:voortijdige|vroegtijdige|vroege|premature) (?:weeen|bevalling|geboorte)",
    r"sukkel\w*(?: \w+){0,3} met (?:je|zijn|haar|mijn|m'n|uw|de|het) (?:rug|knie\w*|maag|darmen|nek|schouders?|heup|gezondheid|hart|benen|spieren|gewrichten|voeten|hoofd|longen|nieren|blaas|slaap|zenuwen)", "frozen shoulder", "multiple sclerose", "dikke enkels",
    "cognitieve achteruitgang", r"carpa(?:a)?le? ?tunnel\w*", r"fladderend(?:e)? hart", "lage bloeddruk", r"stijve? (?:nek|rug|schouders?|gewrichten|kuiten|benen)", r"minder (?:vaak )?ziek", r"ziek (?:worden|zijn)", r"ziektedag\w*",
    r"ziekteverzuim", "droge ogen", r"hart (?:racet|bonkt|gaat tekeer|slaat over)",
    r"(?:te )?(?:hoog|hoge|verhoogde?|laag|lage|verlaagde?) (?:ldl|hdl|triglyceriden|cholesterol\w*|hba1c|glucose\w*|suikerwaarden|ferritine|tsh|crp|urinezuur|ontstekingswaarden)", r"verstopt(?=\s*\?)|verstopt (?:zitten|gevoel|voelen)", r"verstopte (?:darm|darmen|ontlasting)", "(?:lage|hoge) rug", "pijnlijke (?:borsten|gewrichten|spieren|kuiten)",
)

# Medicines and their classes as people name them; a claim to replace or spare one is medicinal.
_DRUGS = (
    r"(?:pijnstillers?|antidepressiva|ssri'?s|slaap(?:pil|tablet|middel|medicatie|medicijn)\w*|kalmeringsmiddel\w*|"
    r"benzo'?s|oxazepam|temazepam|diazepam|bloeddrukverlagers?|bloeddruk(?:pillen|medicatie|medicijnen)|"
    r"plaspil\w*|b?e?tablokkers?|statines?|cholesterolverlagers?|metformine|insuline|puffers?|inhalers?|"
    r"triptan\w*|sumatriptan|maagzuurremmers?|maagbeschermers?|omeprazol|pantoprazol|esomeprazol|"
    r"laxeermiddel\w*|ibuprofen|paracetamol|naproxen|diclofenac|aspirine|codeine|tramadol|antihistaminica|"
    r"hooikoortspil\w*|prednison|cortison\w*|levothyroxine|thyrax|ritalin|methylfenidaat|bloedverdunners?|"
    r"chemo(?:therapie)?|medicijnen|medicatie|geneesmiddelen|pillen)"
)

# What the product may not be called: a medicine, or a class of them.
_AS_DRUG = (
    r"(?:pijnstiller|antidepressivum|slaap(?:pil|pilletje|tablet|tabletje|middel|middeltje)|kalmeringsmiddel\w*|"
    r"kalmeringspil\w*|bloeddrukverlager|b[e]?ta-?blokker|b-blokker|calciumblokker|calciumantagonist|spierontspanner|"
    r"spierverslapper|spierrelaxans|angstremmer|ontstekingsremmer|maagzuurremmer|laxeermiddel|bloedverdunner|"
    r"cholesterolverlager|plaspil|valium|xanax|prozac|sedativum|tranquillizer|medicijn|geneesmiddel|ibuprofen|"
    r"paracetamol|aspirine|diazepam|oxazepam)(?![\w-])"
    r"(?! (?:effect|werking|eigenschappen))"
)

# Medicinal claims by themselves: the product in place of a medicine, lowering a body value
# that names a disease when high (pharmacology, not nutrition), curing an anxiety.
MEDICINE_SUBSTITUTES = (
    r"(?:alternatief voor|in plaats van|vervang\w*|vervanger van|net zo goed als|beter dan|werkt als|stop(?:pen)? "
    r"met|stopte met|gestopt met|af van|weg met|zonder) (?:\w+ ){0,3}?" + _DRUGS + r"(?![\w-])",
    # the product called a medicine: "de natuurlijke betablokker", "het antidepressivum van de natuur"
    r"(?:natuurlijke?|plantaardige?|kruiden|milde?|zachte?|groene?)(?:,? [\w-]+)? " + _AS_DRUG,
    r"(?:de|het|een|onze?) (?:\w+ )?" + _AS_DRUG + r" (?:van|uit) (?:de |moeder )?natuur",
    r"(?:moeder )?natuurs? (?:eigen )?" + _AS_DRUG,
    r"(?:de|het|een) " + _AS_DRUG + r" (?:onder|van|uit) de (?:mineralen|supplementen|vitamines)", r"\bals (?:een )?(?:soort )?(?:natuurlijke? )?" + _AS_DRUG,
    r"van (?:je |jouw |de |uw |die |mijn |m'n )?(?:\w+ )?" + _DRUGS + r"\b.{0,20}\baf\b",
    r"(?:minder|geen) (?:\w+ ){0,2}" + _DRUGS + r" (?:meer )?(?:nodig|slikken|nemen)",
    _DRUGS + r"\b.{0,15}\b(?:verlaagd|verminderd|afgebouwd|gehalveerd|gestopt)\b",
    r"(?:afbouw\w*|afkicken) (?:\w+ ){0,3}" + _DRUGS + r"(?![\w-])",
    r"(?:bloeddruk|cholesterol\w*|bloedsuiker\w*|hba1c|ldl|glucose\w*)\b.{0,15}\b(?:was|van) \d+(?:/\d+)?\b.{0,25}\b(?:nu|naar)\b",
    r"(?:voorheen|vroeger)\b.{0,60}\b" + _DRUGS + r"\b.{0,40}\b(?:nu|niet meer|nooit meer)",
    r"(?:slikte|slikten|nam|namen|gebruikte|gebruikten|jarenlang|altijd)\b.{0,40}\b" + _DRUGS + r"\b.{0,40}\bnu\b",
    r"(?:bloeddruk|cholesterol\w*|bloedsuiker\w*|suikerspiegel|hartslag|hba1c|ldl|triglyceriden|glucose\w*|"
    r"urinezuur)\b.{0,30}\b(?:omlaag|naar beneden|verlaagt|verlagen|verlaagd|te verlagen|dalen|daalt|gedaald|"
    r"laten zakken|zakt|gezakt|lager|van \d+ naar)",
    r"(?:verlaagt|verlagen|te verlagen|omlaag brengen|laat dalen)\b.{0,20}\b(?:bloeddruk|cholesterol\w*|"
    r"bloedsuiker\w*|suikerspiegel|hba1c|ldl|triglyceriden)",
    r"(?:overwin\w*|genees\w*|geneest|behandel\w*|versla\w*|bestrijd\w*|remedie\w*|therapie\w*|verlos\w*|af van)"
    r" (?:\w+ ){0,2}angst(?:en)?(?![\w-])",
)

# Complaints a high magnesium dose itself can cause: named as side effects ("kan dunne
# ontlasting geven", "minder kans op diarree dan oxide") they make no claim.
GUT_WORDS = (
    "diarree", "dunne ontlasting", "misselijk", "maag", "buik", "darm", "opgeblazen",
)
# fmt: on
