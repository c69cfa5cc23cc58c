"""The English names of conditions: diseases, symptoms, their markers and the medicines that treat them.

A claim to prevent, treat or relieve one is medicinal (Directive 2002/46/EC art. 6(2), Reg.
(EU) 1169/2011 art. 7(3)). A word entry is a regular expression for one word (with its
inflections); phrases are regular expressions over folded text. `lexicon_en` takes these in.
"""

# fmt: off

DISEASE_WORDS = """
migraines? migraineurs? headaches? (?:back|stomach|tummy|period|joint|muscle|nerve|tooth|ear|head)?aches?
aching pains? painful sore soreness cramps? cramping crampy spasms? spasming spasmodic twitch(?:es|ing)?
tics? diabetes diabetic diabetics prediabetes prediabetic depression depressive depressed osteoporosis
osteopenia arthritis arthrosis osteoarthritis rheumatism rheumatic rheumatoid gout cancers? tumou?rs?
alzheimer'?s? dementia asthma asthmatic hypertension hypertensive insomnia insomniacs?
sleeplessness arrhythmias? palpitations? palpitating fibrillation afib a-fib strokes? thrombosis atherosclerosis
arteriosclerosis plaque cholesterol eclampsia pre-eclampsia fibromyalgia fibro adhd ocd ptsd autism
constipation constipated diarrh(?:o)?ea nausea nauseous queasy bloating bloated heartburn reflux gerd indigestion
dyspepsia flatulence deficienc(?:y|ies) hypomagnes(?:a)?emia pms pmt pmdd premenstrual inflammations? inflammatory
inflamed infections? flu influenza colds? covid burnout burn-out tinnitus epilepsy epileptic seizures?
convulsions? tremors? trembling tingling tingles tingly numbness ibs irritability injur(?:y|ies) fractures?
hangovers? jetlag eczema acne psoriasis rosacea dermatitis hives urticaria obesity obese diseases? illness(?:es)?
disorders? ailments? symptoms? syndromes? conditions? sciatica lumbago osteopenic cramped surgery surgeries
operations? sickness vomiting dizziness dizzy fainting colic colick?y teething endometriosis pcos allerg(?:y|ies) hay-fever
viral virus(?:es)? wounds? bruis(?:e|es|ing) scars? sprains? tendonitis tendinitis bursitis ulcers? gastritis
colitis crohn'?s? coeliac celiac diverticulitis angina neuropathy neuralgia vertigo cavities caries bedwetting
stiffness stiff itch(?:ing|y)? twitchy shaky varicose haemorrhoids? hemorrhoids? incontinence cystitis utis?
thrush candida shingles herpes warts? aura auras hba1c a1c bruxism tmj tmd whiplash gallstones hyperactiv\\w*
bipolar schizophrenia anorexia bulimia parkinson'?s? lupus hashimoto'?s? hypothyroid\\w* hyperthyroid\\w*
an(?:a)?emi[ac] sarcopenia apn(?:o)?ea narcolepsy bronchitis pneumonia sinusitis tonsillitis glaucoma
cataracts? tetany tachycardia bradycardia ectopics? extrasystoles? hypotension aneurysms? embolism o?edema
swollen spondylitis scoliosis hernias? herniated concussion hepatitis cirrhosis pancreatitis hypoglyc\\w+
hyperglyc\\w+ retinopathy nephropathy tourette'?s? phobias? dialysis gingivitis periodontitis twinges?
flare-?ups? rls cfs post-viral impotence infertility miscarriages? preterm rsi palsy dvt raynaud'?s? copd
cough(?:s|ing)? fevers? ibd ckd addiction\\w* alcoholism meniere'?s? hyperemesis
spasmophilia spasmophilic tetanic dysmenorrh(?:o)?ea menorrhagia amenorrh(?:o)?ea \\w+itis (?!nost)\\w+algia fasciculations?
myoclon\\w* dystonia myopathy pre-term hypercholesterol(?:a)?emia
"""

DISEASE_PHRASES = (
    "(?:high|elevated|raised) blood pressure", r"(?:high|elevated) blood sugar\w*",
    "restless legs?(?: syndrome)?", "chronic fatigue(?: syndrome)?", "kidney (?:stones?|disease)",
    "heart (?:disease|failure|attacks?|conditions?|problems?|murmur)", "cardiovascular disease",
    "irregular heart ?beat", "pins and needles", "insulin resistance", "metabolic syndrome",
    "winter blues", "jet lag", "panic attacks?", "mood swings", "loose stools?",
    "(?:upset stomach|stomach upset)", "bone loss", "cognitive decline", "memory loss",
    "brain fog", "brain zaps", "hair loss", "loss of appetite", "irritable bowels?(?: syndrome)?",
    r"(?:disturbed|disrupted|irregular) (?:heart ?beat|heart rhythm|sleep|digestion)\w*",
    r"hot (?:flush|flash)\w*", "night sweats", "charley horses?",
    "(?:racing|pounding|fluttering) heart", "skipped (?:heart ?)?beats?",
    "heavy (?:periods?|menstruation)", "morning sickness", "motion sickness", "growing pains",
    "hay fever", "cold sores?", "long covid", "brittle bones", "tooth decay", "muscle weakness",
    "carpal tunnel", "heart surgery", "leg pain", "heavy legs", "shin splints", "tennis elbow",
    "frozen shoulder", "plantar fasciitis", "multiple sclerosis", "spider veins",
    "anxiety disorders?", "sleepless nights?", "tossing and turning", "night terrors",
    r"(?:ringing|buzzing|whistling|humming) in (?:the|your|my|his|her) ears?", "ear ringing",
    r"(?:teeth|tooth) grinding", r"grind(?:s|ing)? (?:my |your |his |her |their )?teeth", "jaw clenching",
    r"(?:premature|early|preterm|pre-term) (?:contractions|labou?r|birth|delivery)", r"gestational (?:diabetes|hypertension)",
    r"labou?r pains?", r"pregnancy (?:cramps|hypertension|complications)",
    "erectile dysfunction", "vaginal dryness", "acid indigestion", "type (?:2|ii|1|i) diabetes",
    r"type[- ](?:2|ii)", "fatty liver", "baby blues", "athlete'?s foot", "repetitive strain", "macular degeneration",
    r"dry eyes?", "low blood pressure", r"heart flutter\w*", r"sick days?", r"(?:get|getting|got|fall|falling|feel|feeling) sick",
    r"less (?:often )?sick", r"tummy (?:troubles?|problems?|issues?|complaints?|aches?)", r"heart (?:racing|pounding|fluttering|skipping)",
    r"(?:anxiety|asthma|gout|coughing|sneezing|angina|dizzy|hypoglyc\w*) (?:attacks?|spells?|episodes?|fits?)",
    r"(?:high|low|elevated|raised) (?:ldl|hdl|triglycerides|cholesterol|hba1c|a1c|glucose|uric acid|crp|ferritin|tsh)", "liver disease", "slipped disc", "water retention",
    "(?:irritable|overactive|underactive|sluggish|leaky|weak|inflamed|enlarged|lazy) (?:bladder|bowel|bowels|gut|thyroid|stomach|kidneys?|liver|heart|prostate)",
    "broken (?:ankle|arm|leg|wrist|hip|rib|toe|finger|bones?)",
    "(?:back|stomach|bowel|gut|menopausal|menopause|pms|period|joint|muscle|muscular|skin|heart|sleep|digestive|intestinal|bladder|kidney|menstrual|physical|mental|rheumatic|nerve|circulatory|chronic|prostate|thyroid) (?:complaints?|problems?|issues?|troubles?)",
)

# Medicines and their classes as people name them; a claim to replace or spare one is medicinal.
_DRUGS = (
    r"(?:pain ?killers?|antidepressants?|ssris?|snris?|sleeping (?:pills?|tablets?)|sleep(?:ing)? meds|benzos?|"
    r"benzodiazepines?|tranquil\w+|(?:blood pressure|bp|heart|cholesterol|diabetes|thyroid|migraine|reflux|acid|"
    r"heartburn|asthma|anxiety|depression|water) (?:pills?|meds|medications?|medicines?|tablets?|drugs?)|beta[- ]?"
    r"blockers?|ace inhibitors?|statins?|metformin|insulin(?! resistance)|inhalers?|puffers?|triptans?|sumatriptan|"
    r"omeprazole|pantoprazole|esomeprazole|ppis?|antacids?|laxatives?|stool softeners?|ibuprofen|paracetamol|"
    r"acetaminophen|naproxen|aspirin|codeine|tramadol|opioids?|antihistamines?|steroids?|cortisone|prednisone|"
    r"levothyroxine|ritalin|methylphenidate|adderall|nsaids?|blood thinners?|warfarin|diuretics?|chemo(?:therapy)?|"
    r"medications?|medicines?|meds)"
)

# What the product may not be called: a medicine, or a class of them.
_AS_DRUG = (
    r"(?:pain ?killer|pain reliever|antidepressant|sleeping (?:pill|tablet)|sedative|tranquil+i[sz]er|beta[- ]?blocker|"
    r"calcium (?:channel )?blocker|muscle relaxant|anxiolytic|anti-anxiety (?:drug|med\w*|pill)|antihistamine|"
    r"anti-inflammatory|antacid|laxative|blood thinner|statin|valium|xanax|prozac|inhaler|medicine|ibuprofen|"
    r"paracetamol|aspirin|diazepam)s?(?![\w-])"
    r"(?! (?:effects?|action|properties))"
)

# Medicinal claims by themselves: the product in place of a medicine, lowering a body value
# that names a disease when high (pharmacology, not nutrition), curing an anxiety.
MEDICINE_SUBSTITUTES = (
    r"(?:alternative to|instead of|replac\w*|as (?:good|effective) as|better than|works like|ditch\w*|dump\w*|"
    r"quit\w*|stop(?:ped|ping|s)?(?: taking| using)?|swap\w*(?: out)?|(?:get|getting|got|come|coming|came) off|"
    r"wean\w* (?:\w+ )?off|off (?:his|her|my|their|your|the)|(?:ever|never|no longer|not) (?:\w+ )?need\w*) (?:\w+ )"
    r"{0,3}?(?:" + _DRUGS + r"|drugs|pills)(?![\w-])",
    r"(?:without|fewer|less|reduc\w* (?:my|your|his|her|their|the)|cut (?:down|back) on) (?:\w+ ){0,2}?" + _DRUGS
    + r"(?![\w-])",
    r"(?:used to (?:take|be on|need)|was on|were on|took|for years)\b.{0,40}\b" + _DRUGS + r"\b.{0,40}\b(?:now|these days|no longer)\b",
    r"(?:blood pressure|cholesterol|blood sugar|hba1c|a1c|ldl|glucose)\b.{0,15}\b(?:was|from) \d+(?:/\d+)?\b.{0,25}\b(?:now|to)\b",
    # the product called a medicine: "nature's own antidepressant", "a natural beta blocker"
    r"(?:natural|nature'?s|herbal|plant-\w+|plant based|botanical|drug-free|gentle|mild|holistic)(?:,? [\w-]+)?(?: own"
    r"| very own)? " + _AS_DRUG,
    r"(?:the|an?|our) (?:\w+ )?" + _AS_DRUG + r" (?:of|from) (?:mother )?nature",
    r"mother nature'?s (?:own )?" + _AS_DRUG,
    r"(?:the|an?) " + _AS_DRUG + r" (?:of|among) (?:the )?(?:minerals?|supplements?|vitamins?)",
    r"(?:think of it|see it|use it|works?|acts?) (?:as|like) (?:an? )?(?:natural |kind of |sort of )?" + _AS_DRUG,
    r"(?:lower\w*|reduc\w*|bring\w* down|drop\w*|decreas\w*)\b.{0,20}\b(?:blood pressure|cholesterol|ldl|"
    r"triglycerides|blood sugar|sugar levels?|glucose|hba1c|a1c|uric acid)",
    r"(?:blood pressure|cholesterol|ldl|triglycerides|blood sugar|sugar levels?|glucose|hba1c|a1c|heart rate|"
    r"readings?)\b.{0,25}\b(?:down|lower(?:ed|s)?|reduced|drop\w*|fall\w*|fell|from \d+)",
    r"(?:overcom\w*|beat\w*|cur(?:e|es|ed|ing)|treat\w*|heal\w*|conquer\w*|defeat\w*|banish\w*|remed\w*|"
    r"therap\w*|rid of|free (?:from|of)) (?:\w+ ){0,2}anxiety",
)

# Complaints a high magnesium dose itself can cause: named as side effects they claim nothing.
GUT_WORDS = (
    "diarr", "loose stool", "nausea", "bloat", "stomach", "tummy", "gut", "bowel",
)
# fmt: on
