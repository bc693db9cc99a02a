"""The extraction core's vocabulary: the word lists the rules read, in one place.

Plain lowercase strings in frozensets, compared against `token.lemma_.lower()` / `token.lower_`, so a list reads
as what it is and a test can print it; and the dependency labels the rules compare `token.dep_` with.

Dependency labels are string constants named after the label (NSUBJ == "nsubj"; AUX is the dependency "aux", not
the part of speech), not `spacy.symbols` ids: the rules compare `token.dep_` exactly as before, a test or a debugger
prints the label itself, and a misspelt label is a NameError at import instead of a comparison that is never true.
Parts of speech, tags and entity types stay literals ("VERB", "VBG", "PERSON").
"""
from __future__ import annotations

# -- dependency labels (token.dep_, spaCy's English pipelines) --------------------------------------------------------
ACL = "acl"
ACOMP = "acomp"
ADVCL = "advcl"
ADVMOD = "advmod"
AGENT = "agent"
AMOD = "amod"
APPOS = "appos"
ATTR = "attr"
AUX = "aux"
AUXPASS = "auxpass"
CASE = "case"
CC = "cc"
CCOMP = "ccomp"
COMPOUND = "compound"
CONJ = "conj"
CSUBJ = "csubj"
CSUBJPASS = "csubjpass"
DATIVE = "dative"
DEP = "dep"
DET = "det"
DOBJ = "dobj"
EXPL = "expl"
FLAT = "flat"
INTJ = "intj"
MARK = "mark"
NEG = "neg"
NMOD = "nmod"
NPADVMOD = "npadvmod"
NSUBJ = "nsubj"
NSUBJPASS = "nsubjpass"
NUMMOD = "nummod"
OBL = "obl"
OPRD = "oprd"
PARATAXIS = "parataxis"
PCOMP = "pcomp"
POBJ = "pobj"
POSS = "poss"
PRECONJ = "preconj"
PREP = "prep"
PRT = "prt"
PUNCT = "punct"
RELCL = "relcl"
ROOT = "ROOT"
TMOD = "tmod"
XCOMP = "xcomp"

# -- cue verbs and what they take (candidates) -----------------------------------------------------------------------
# Verbs whose clausal complement or adjacent quotation is what the subject said.
SPEECH_VERBS = frozenset("""
say tell add state assert claim argue insist note explain announce declare warn stress emphasize emphasise
reiterate confirm deny acknowledge admit concede suggest predict reply respond answer write tweet post report
reveal disclose mention comment remark observe contend maintain affirm underline underscore highlight recall
complain charge allege accuse promise vow pledge urge ask demand question testify counter retort quip joke
call boast caution inform indicate signal estimate propose recommend lament repeat exclaim shout cry scream whisper
brag proclaim assure concur object protest threaten forecast speculate theorize hint imply tout clarify elaborate
conclude interject instruct order advise notify preach plead beg request implore
""".split())
# Verbs that take "<someone> to <do>" as what was said ("urged X to ...", "called on X to ...").
DIRECTIVE_VERBS = frozenset("urge ask call tell implore beg advise instruct order encourage invite warn challenge press".split())
# Light verbs that reach the learned list only through phrases ("went on to say"); never cues alone.
LIGHT_VERBS = frozenset("be have do go get make take come see know think want feel put give keep let".split())
# Nouns of documents and messages, which speak for whoever made them ("a report by Politico", "issued a statement saying")
DOCUMENT_NOUNS = frozenset("""statement report release letter memo message tweet post announcement filing communique
communiqué email e-mail document study survey note transcript lawsuit complaint ruling order decision figure data statistic
research analysis estimate poll website site blog column speech interview book editorial""".split())
# Verbs whose subject is rarely the speaker of an adjacent quote (they describe content instead).
NOT_FOR_QUOTES = frozenset("agree disagree question order ask request".split())

# -- clause and object rules (candidates) ----------------------------------------------------------------------------
EXPLETIVES = {"there", "this", "what"}
# Verbs saying that what their infinitive names did not happen
UNDONE = frozenset("fail refuse decline neglect forget".split())
# Verbs of wanting another to do something ("would prefer Turkey to admit that ..."): not said, only wished
WISHED = frozenset("want prefer expect like love wish need require allow permit invite encourage challenge dare".split())
QUOTE_OPENERS = "\"“‘'«"
# Pronouns that cannot be a clause's subject ("asked them “prayerfully consider” ...")
OBJECT_PRONOUNS = frozenset("me him her us them myself himself herself itself ourselves themselves".split())
# Adjectives before "to <say>" that report the saying as done ("are quick to point out", "was careful to note"), unlike
# "unlikely", "unable", "willing" or "ready"
SAYING_ADJECTIVES = frozenset("quick right correct careful eager keen happy proud fast wise".split())
# Verbs by which something makes someone do what the infinitive after them says ("forced the mayor to say ...")
CAUSING = frozenset("force prompt lead cause push drive compel spur provoke".split())
# Verbs of writing or speaking to someone, whose object the parser gives the participle that reports what was said
# ("The senator emailed supporters saying: ...", "Hale told reporters, adding ..."): the subject says it
ADDRESSING_VERBS = frozenset("email e-mail mail write text message tweet tell urge warn remind thank address assure "
                             "brief".split())
# Nouns of a business's figures, which "posted", "reported" or "announced" as objects are results, not words
RESULT_VERBS = frozenset("post report announce record register book reveal unveil".split())
FIGURES = frozenset("profit profits loss losses rise fall increase decrease decline drop gain jump slump surge "
                    "revenue revenues sales earnings turnover growth deficit surplus dividend doubling tripling".split())
# -- reports that carry nothing said (candidates/unsaid.py) --------------------------------------------------------
# Verbs of answering, which say nothing when negated: "did not comment on the report"
RESPONDING_VERBS = frozenset("comment respond reply answer elaborate speculate".split())
# Verbs of ruling, and who rules and on what: "the court dismissed both appeals" is a ruling, not a statement. Not
# "reject" or "deny", which report speech of anyone ("rejected the claim", "denied the allegations")
RULING_VERBS = frozenset("dismiss uphold overturn quash throw strike".split())
# Verbs anyone says that are a ruling only from a court, on a proceeding ("the court rejected the appeal")
RULING_WHEN_COURTS = frozenset("reject deny refuse".split())
COURTS = frozenset("court judge tribunal jury panel justice magistrate lord arbitrator".split())
PROCEEDINGS = frozenset("appeal case lawsuit suit motion petition application injunction conviction sentence "
                        "verdict extradition".split())
# What a speech verb's infinitive is only meant, due or tried to do ("tried to explain the gap", "a term used to
# describe this trend", "is to announce her plans", "is expected to announce ..."): nothing said yet
INTENDING = frozenset("try seek attempt struggle want hope plan intend aim decide vote use coin invent adopt "
                      "choose be expect due set schedule prepare poised likely".split())
# Verbs that report speech only with a word for speech as their object ("repeated his claim", not "repeated the
# times he ran last season"); the words that count besides NOUN_CUES, INFINITIVE_NOUNS and DOCUMENT_NOUNS
SPEECH_OBJECT_VERBS = frozenset({"repeat"})
SPEECH_WORDS = frozenset("""line phrase word question mantra slogan refrain attack criticism view position stance support
opposition belief demand offer apology denial assurance""".split())
# Verbs that name whom they tell before what ("told The Washington Post he was ...")
TELLING = frozenset("tell inform assure remind warn notify advise".split())
QUESTION_VERBS = frozenset({"ask", "question", "wonder", "inquire"})
# Verbs of taking a side on something, whose subject says why in a participle after it ("attacked the law saying ...")
RESPONSE_VERBS = frozenset("attack condemn slam blast hail applaud rebuff oppose back support".split())
NOMINAL_PREPS = ("about", "on", "of", "for", "as", "against", "to")
# Verbs that do nothing but voice the speech noun they take ("made the point that", "repeated his claim that")
SUPPORT_VERBS = frozenset("make repeat reiterate voice offer issue restate".split())
# Nouns whose infinitive says what they are for ("his call to raise the wage", "the decision to leave")
INFINITIVE_NOUNS = frozenset("call plan demand effort push bid proposal pledge promise vow threat offer decision refusal "
                             "order request plea appeal attempt intention commitment move".split())
NOUN_CUES = frozenset("claim assertion statement warning promise pledge insistence allegation argument suggestion "
                      "admission announcement contention complaint charge accusation remark comment vow threat".split())
QUOTING_VERBS = frozenset({"quote", "cite"})
# What a report cites as where its news came from, which says nothing itself ("citing two officials", "citing an
# interview with Politico"); REPRESENTATIVES are added below
CITED_SOURCE_WORDS = frozenset("person people aide insider outlet interview witness diplomat officer expert".split())
# Words of a point in time at which something can have been said ("on Monday", "yesterday", "on Sept. 26")
WHEN_WORDS = frozenset("""
monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
january february march april june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
""".split())
SUBORDINATORS = frozenset("""
when whenever while as because since if unless until before after once though although whereas where wherever
why how whether so than
""".split())
VENUES = frozenset("interview statement speech tweet twitter facebook show rally event hearing meeting conference "
                    "appearance debate post message letter release video radio television tv program broadcast forum hall "
                    "convention summit session briefing podcast ceremony dinner luncheon".split())

# -- speakers: subjects, groups, pronouns, names ---------------------------------------------------------------------
# "some of her followers said", "others argue": a group named by the noun phrase itself, not a pronoun to resolve
SPOKESPERSONS = frozenset({"spokesman", "spokeswoman", "spokesperson"})
QUANTIFIERS = frozenset("some many most all both several few others those these each none".split())
# -- kinds of source (speakers/sources.py): groups, representatives, documents ---------------------------------------
# Determiners and numbers that introduce someone not named ("a source", "one insider", "another official")
INDEFINITES = frozenset("a an one another some any".split())
# Nouns of a body of people that is no one organisation ("police said", "staff said"): a group, unless named with it
COLLECTIVES = frozenset("police staff crew public personnel".split())
# Small words inside an organisation's name ("Friends of the Earth", "Department for Education and Skills")
SMALL_NAME_WORDS = frozenset("of for and the on in at to de du la le".split())
# Collectives that are one organisation when a place names them ("West Yorkshire police"): speakers.sources
NAMED_BY_PLACE = frozenset(["police"])
# A legislature's committees go by their house and subject ("the Commons public accounts committee", "the Senate
# intelligence committee", "the environment select committee"): a name, though in small letters
COMMITTEES = frozenset("committee subcommittee sub-committee".split())
HOUSES = frozenset("commons lords senate house parliament assembly congress holyrood westminster select".split())
# Nouns of those who speak for someone else ("a spokesman for X", "X's lawyers", "X officials", "a Foreign Office
# source"): what they say is their principal's, with the noun kept as the role
REPRESENTATIVES = SPOKESPERSONS | frozenset(
    "official lawyer attorney solicitor barrister counsel source representative".split())
# Nouns for one unnamed source a later "he" or "she" may stand for ("a senior aide said ... He said"), unlike someone
# the article only reports on ("one questioner claimed ... he said", the candidate answering)
UNNAMED_VOICES = REPRESENTATIVES | frozenset(
    "aide adviser advisor insider staffer person diplomat strategist operative confidant".split())
# Those who work for one person or campaign and speak for it ("a Clinton aide", "an adviser to Mr. Trump", "his
# strategist"): representatives too, whose principal may be a person
STAFF = frozenset("aide adviser advisor strategist".split())
# Staff titles of two words, the role noun after what it is about ("Sanders's campaign manager", "the senator's press
# secretary", "Trump's chief of staff" is CHIEF_OF)
STAFF_TITLES = {"manager": {"campaign"}, "chairman": {"campaign"}, "chairwoman": {"campaign"}, "chair": {"campaign"},
                "secretary": {"press"}, "director": {"communications", "campaign"}}
# Representatives who may speak for a person, not only an organisation: the person speaks ("his lawyer said", "a
# spokeswoman for Senator Smith"); an official or a source is some organisation's
FOR_A_PERSON = SPOKESPERSONS | STAFF | frozenset("lawyer attorney solicitor barrister counsel representative".split())
# Bodies that go by who leads them or whose they are ("the Obama administration", "the Clinton campaign", "the
# British government"): "the administration" later is the one the article named so, if it named only one
LED_BODIES = frozenset("administration campaign government".split())
CITED_SOURCES = CITED_SOURCE_WORDS | REPRESENTATIVES
# Documents that publish findings ("a World Bank report", "the Oxfam study", "according to research by X"): a later
# "the report" is one the article named before
PUBLICATIONS = frozenset("report study survey research analysis poll review audit article findings assessment figure "
                         "data statistic".split())
# Nouns by which an article refers again to one piece of research it named ("research by X ... the report found",
# "according to the study"): one kind of document. A survey or poll, an article, figures are each their own kind.
STUDIES = frozenset("report study research analysis review audit finding findings paper inquiry assessment".split())
# Documents of one kind whichever of these words names them ("a survey by X ... the poll showed")
POLLS = frozenset({"poll", "survey"})
# A newspaper's body that writes its editorials ("the editorial board of The New York Times", "the Post's editorial
# page"): the newspaper speaks
EDITORIAL_BODIES = frozenset({"board", "page", "staff"})
# Documents that whoever commissioned them publishes ("a poll for the Guardian", "a survey for the charity")
COMMISSIONED = frozenset({"survey", "poll"})
PUBLISHED_FOR = frozenset({"for"})
# Verbs by which a document, not a person, says what it found ("the study found that", "figures show that")
FINDING_VERBS = frozenset({"find", "show"})
# Prepositions by which a representative names whom it speaks for ("a spokesman for", "an official at") and a document
# its publisher ("a report by", "figures from", "an article in")
FOR_WHOM = frozenset({"for", "of", "at", "from"})
STAFF_TO = frozenset({"to"})  # "an adviser to Mr. Trump", "a senior aide to the senator"
# Words by which a representative no longer speaks for whom they name ("a former Clinton aide", "an ex-Microsoft
# official")
FORMER = frozenset("former ex ex- onetime one-time erstwhile".split())
PUBLISHED_BY = frozenset({"by", "from"})
PUBLISHED_IN = frozenset({"in"})  # only for what a newspaper prints: PRINTED
PRINTED = frozenset("article column editorial piece leader".split())
# Verbs by which an organisation puts a document out ("The OECD published its outlook"), so that "the report" is its
PUBLISHING_VERBS = frozenset("publish release issue produce unveil present launch compile print run carry".split())
# Verbs by which someone makes a document ("research conducted by", "a report written by"), unlike those by which
# someone only handles it ("emails combed through by Vox", "a letter obtained by the Post")
AUTHORING_VERBS = PUBLISHING_VERBS | frozenset("conduct commission carry write prepare author draft sign file submit".split())
# Words of news outlets' names ("The New York Times", "Fox News Sunday", "CNN"): through them a person speaks, and
# "According to the Times, X said ..." is X's
NEWS_OUTLET_WORDS = frozenset("""Times Post News Journal Herald Tribune Globe Gazette Telegraph Guardian Press Reuters
Chronicle Observer Independent Inquirer Examiner Mail Express Magazine Radio Television TV Newsweek Politico Bloomberg
Axios CNN MSNBC NBC ABC CBS NPR PBS BBC AP AFP""".split())
# Verbs by which a person writes a document ("a memo released by the campaign, written by X"): the writer speaks
WRITING_VERBS = frozenset("write author draft pen".split())
# Verbs of a relative clause by which a document's phrase names who gave or wrote it ("a speech Mrs. Clinton
# delivered", "an interview his brother gave to ITV"): that one speaks in it
DELIVERING_VERBS = WRITING_VERBS | frozenset("give deliver send sign post publish release issue make record tweet".split())
# Words that make a role noun someone other than the one met before ("the other spokesman")
OTHERS = frozenset("other another second third fourth latter former".split())
NP_RIGHT_PREPS = frozenset({"of", "for", "by", "from", "at", "with"})
QUOTE_CHARS = "\"“”„«»"
TIME_NOUNS = frozenset("time moment point day week month year weekend morning afternoon evening night hour".split())

# -- titles and roles ------------------------------------------------------------------------------------------------
# Honorifics and titles that may stand glued to a name ("Mr. Obama", "Sen. Cruz", "President Obama").
HONORIFICS = frozenset("""
mr mrs ms miss dr prof professor sen rep gov gen lt col sgt capt adm maj brig cpl pvt pfc spc det cdr rev sir dame lord
lady hon pres supt insp cmdr
president vice premier chancellor minister secretary senator governor mayor ambassador judge justice councillor
general colonel captain sergeant admiral commander constable chairman chairwoman congressman congresswoman
representative speaker king queen prince princess sheikh emir pope cardinal bishop archbishop rabbi imam father
spokesman spokeswoman spokesperson
""".split())
# Honorifics of courtesy, which say nothing of a role: never a title on their own ("Mr Howard" has none)
COURTESY = frozenset("mr mrs ms miss mx messrs dr".split())
# Words of rank that stand before an honorific within a title ("Deputy Chief Constable", "Acting Governor")
RANKS = frozenset("assistant deputy chief acting senior junior vice lieutenant principal interim former".split())
# Nouns that name a person's role; "the minister" can stand for a named person with that title.
PERSON_ROLES = frozenset("""
president minister secretary senator governor mayor ambassador spokesman spokeswoman spokesperson candidate
nominee chairman chairwoman chair chief director leader premier chancellor king queen prince congressman
congresswoman lawmaker representative speaker envoy official commissioner commander general prosecutor judge
attorney lawyer executive ceo founder manager coach professor economist analyst businessman businesswoman councillor
billionaire mogul host anchor author writer reporter correspondent editor columnist diplomat negotiator
advisor adviser aide strategist pollster activist attorney-general sheriff chief superintendent inspector
officer detective constable captain colonel pope cardinal bishop imam rabbi head boss owner president-elect
vice-president deputy delegate mp senator-elect physician doctor researcher scientist expert co-chairman
co-chairwoman co-chair co-founder co-leader vice-chairman vice-chair coordinator co-ordinator champion campaigner academic
treasurer
""".split())
# Occupations the agent ending of titles._occupation misses ("Hollywood star", "steel magnate")
OCCUPATIONS = frozenset("star athlete poet chef pilot nurse magnate tycoon".split())
# Adjectives that describe a person rather than name a role ("the veteran actor"): no title need repeat them
DESCRIPTIVE = frozenset("""veteran outspoken embattled beleaguered controversial popular famous legendary flamboyant
experienced young elderly disgraced jailed retired outgoing current incumbent celebrated acclaimed""".split())
# Bodies that may go by a name holding the noun ("the Independent Panel on Drug Safety") or none ("a panel of experts")
BODIES = frozenset("panel tribunal".split())
# Nouns that name an organisation's role; "the ministry" can stand for a named organisation.
ORG_ROLES = frozenset("""
ministry department company firm campaign government administration agency committee commission council group
organization organisation party bank court office army military police embassy union board institute
university network newspaper paper team club foundation corporation authority bureau service parliament
congress senate house cabinet kremlin presidency regime coalition alliance federation association league
network channel station magazine site website outlet fund charity center centre watchdog regulator
""".split())
PERSON_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
FIRST_PERSON = {"i", "me", "my", "we", "us", "our"}
TITLE_LINK = {"of", "'s", "’s", "-", "for", "and"}
FEMALE_HONORIFICS = {"mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess"}
MALE_HONORIFICS = {"mr", "sir", "lord", "king", "prince", "father"}
# Parties by the one word a name of theirs is ("Labour said"), which the NER may take for a person's name
PARTY_NAMES = frozenset("""labour tory tories conservatives democrats dems republicans liberals greens ukip snp plaid
sinn fein""".split())
# What an organisation has and a person does not ("shares in X", "X's chief executive"): signs that a name is an
# organisation's
ORG_HOLDINGS = frozenset("""share shareholder stock stake subsidiary profit revenue turnover earnings executive ceo
chairman boss board shareholding""".split())
# Nouns that describe an organisation by what it does ("the news and financial data seller", "the Paris-based economics
# think tank"): the organisation the article is about, never a kind of person
ORG_DESCRIPTIONS = frozenset("""seller maker producer provider operator retailer carrier lender insurer giant chain
publisher broadcaster exporter importer supplier manufacturer developer distributor tank airline brewer miner
conglomerate""".split())
GENERIC_ORG_ROLES = frozenset("company firm corporation group bank carrier retailer manufacturer airline club".split())
# words that make a name an organisation's even when it starts with a first name ("Virginia Tech", "Ben & Jerry's")
ORG_NAME_WORDS = ORG_ROLES | frozenset("""tech power news times post press inc corp co ltd plc llc airlines airways media
trust motors energy capital partners holdings industries systems labs records studios pictures books hall center
centre school hospital church museum stadium arena river street avenue road bridge island county city state
beach valley lake park bay springs falls heights mountain mountains hills""".split())
# Honorifics that go with a name rather than a post ("Dr", "Sir"): not the end of a title before the name
NAME_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady rev".split())
# Role nouns that stand for one another ("the minister" for the Trade Secretary, "the spokeswoman")
ROLE_SYNONYMS = {"minister": {"secretary"}, "spokesman": {"spokeswoman", "spokesperson"},
                 "spokeswoman": {"spokesman", "spokesperson"}, "spokesperson": {"spokesman", "spokeswoman"},
                 "chairman": {"chairwoman", "chair"}, "chairwoman": {"chairman", "chair"}, "chair": {"chairman", "chairwoman"}}
# Words that open a peer's or knight's name ("Lord Ashcroft"), which the NER may split from the rest
PEERAGE = frozenset("lord lady baroness baron sir dame viscount earl".split())
# Peerage titles, part of the name a peer goes by ("Lord Falconer", "Baroness Scotland"), unlike a knight's "Sir"
PEERS = frozenset("lord lady baroness baron viscount viscountess earl countess".split())
# Styles of address, which a role in apposition says more than ("Foreign Minister Prince Saud", "Sir Digby Jones, CBI
# director general")
STYLES = PEERAGE | {"prince", "princess", "king", "queen", "sheikh", "emir"}
# Letters after a name that are no part of it ("Paul Boateng MP", "Guy Mansfield QC")
POSTNOMINALS = frozenset("MP MPs MEP MSP AM QC KC OBE MBE CBE KBE DBE".split())
# Members of an assembly by their letters ("MPs said", "Labour MEPs"): a group of people, never an organisation's name
MEMBERS = frozenset("mps meps msps ams mlas tds".split())
NAME_PARTICLES = frozenset("de van von der den da di du la le del dos das bin ibn al el".split())
# Endings of nouns that name what a person does ("presenter", "musician", "actress", "economist", "consultant")
KIN = frozenset("brother mother father sister daughter lover".split())

# -- quotations and headlines ----------------------------------------------------------------------------------------
# Titles of shows, books and reports: small words stay lower case, and a short one keeps its title case
# even when the sentence's full stop sits inside the marks.
TITLE_SMALL_WORDS = frozenset("a an the and or nor but of in on at to for with by from as vs".split())
# Titles written with a full stop that does not end the sentence ("“...,” Ms. Moore said.")
ABBREVIATED_TITLES = frozenset("mr mrs ms dr prof sen rep gov gen lt col sgt capt adm rev hon pres supt insp cmdr st jr sr".split())
# Cue verbs that take no hearer as their object, so that a name after them is the speaker
NO_HEARER_VERBS = frozenset("say add continue explain note recall insist declare write conclude admit argue observe "
                       "remark reply respond comment joke quip recount concede".split())
NOT_HEADLINE_SPEAKERS = frozenset("""
watch breaking update updated exclusive video videos opinion analysis live photos photo editorial review
interview report explainer factbox timeline q&a comment commentary listen read note warning correction clarification
editor's update: source sources related more also see poll quiz fact check factcheck latest the
obituary obituaries profile preview feature viewpoint factfile tribute
""".split())
# what a headline "Name: ..." may call the person it portrays
PORTRAIT_WORDS = frozenset("""king queen man woman legend star hero icon life career profile obituary portrait master
champion pioneer giant maverick survivor veteran genius rebel voice""".split())

# -- topics ----------------------------------------------------------------------------------------------------------
GENERIC_TOPIC_WORDS = frozenset("""
thing things way ways time times people person year years day days part lot lots statement statements information
question questions issue issues matter fact facts point points kind sort number today tomorrow yesterday week weeks
month months something anything everything nothing someone anyone everyone one ones others other side sides end
case cases place places area areas term terms word words comment comments report reports story stories news
interview reporters reporter spokesman spokeswoman official officials source sources talk talks call
problem problems deal deals
""".split())
# What a common noun names first (WordNet's lexicographer files, noun_senses.json). Alone, a noun is a topic only
# when it names an issue: an act, a state, a possession, a process... ("euthanasia", "peace", "pension", "growth",
# "oil"); not a person ("customer"), a thing or document ("laptop", "mail", "bill": a phrase says which one, "ID
# card bill"), a place, a time, a feeling, an idea ("evidence") or an amount ("pound"). Nouns WordNet does not know
# ("broadband") are judged by the key-noun rule alone.
SUBJECT_SENSES = frozenset({
    "act", "state", "possession", "process", "attribute", "event", "phenomenon", "relation", "group", "motive",
    "substance",
})
# Common nouns that, before a head, say whose it is ("government plans", "party website"), not what it is about
# (a person noun often says which: "consumer confidence", "children's literature").
WHOSE_SENSES = frozenset({"group"})
# Heads that name who or where: with only names before them, in the plural or said of something, a phrase names a
# kind of body or place ("EU countries", "Turkey is a Muslim country"), not one ("the Labour government").
BODY_SENSES = frozenset({"person", "group", "location"})
# Head nouns that, with only adjectives before them, say who or where, not what ("young people", "local residents").
NOT_SUBJECT_SENSES = frozenset({"person", "location", "time", "feeling", "quantity", "body", "shape", "Tops"})
# Words that lead a name without being part of it ("a Conservative Party", "the Tories").
LEADING_DETERMINERS = frozenset({"a", "an", "the"})
# Entities that open with one of these are people, whatever label the tagger gave ("Mr Blair" as ORG).
PERSON_HONORIFICS = frozenset("mr mrs ms miss dr sir dame lord lady".split())
