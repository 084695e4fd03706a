"""Word lists the event rules consult (named sets a sense row or a rule refers to).

Each set is data: a sense row in :mod:`pipeline.events.senses` names one
(``object_in:PROJECTILES``), and the argument and modality rules read the others.
"""

from typing import NamedTuple

ACTOR_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

PROJECTILES = frozenset({
    "missile", "missiles", "rocket", "rockets", "satellite", "satellites", "icbm", "icbms",
    "projectile", "projectiles", "warhead", "torpedo", "drone", "drones", "weapon", "weapons",
    "salvo", "probe", "spacecraft", "shuttle", "bomb", "device",
})
SHOTS = frozenset({"shot", "shots", "bullet", "bullets", "shell", "shells", "round", "rounds",
                   "gun", "guns", "artillery", "volley", "teargas", "tear-gas", "canister",
                   "canisters", "pellet", "pellets"})
#: What police burst or lob at a crowd: "burst teargas shells" (PLOVER ASSAULT, CAMEO 175 violent
#: repression).
TEARGAS = frozenset({"teargas", "tear-gas", "gas", "shell", "shells", "canister", "canisters",
                     "grenade", "grenades"})
#: What only police fire at a crowd: tear gas, rubber bullets, water (an agentless "tear gas
#: shells were fired" implies them; "shots were fired" does not).
POLICE_MUNITIONS = frozenset({"teargas", "tear-gas", "gas", "cannon", "cannons", "rubber",
                              "lathi", "lathis", "baton", "batons"})
#: What police disperse, patrol against or call in: crowds and the forces sent to them.
CROWDS = frozenset({"crowd", "crowds", "mob", "mobs", "protesters", "protester", "demonstrators",
                    "rioters", "gathering", "procession", "agitators", "students", "people"})
FORCE_MEANS = frozenset({"baton", "batons", "lathi", "lathis", "teargas", "tear-gas", "force",
                         "cane", "canes", "gas", "water", "bullets", "firing", "lathicharge",
                         "cannon", "cannons"})
FORCES = frozenset({"army", "troops", "military", "police", "paramilitary", "forces", "force",
                    "soldiers", "reinforcements", "commandos", "personnel", "battalion",
                    "battalions", "company", "companies", "guard"})
#: Restrictions PLOVER codes COERCE (CAMEO 1723 impose curfew, 1724 state of emergency).
CURFEWS = frozenset({"curfew", "curfews", "emergency", "law", "lockdown", "orders"})
#: Cases police register or file against someone (an FIR): a charge (ACCUSE).
CASES = frozenset({"case", "cases", "fir", "firs", "complaint", "complaints", "offence",
                   "offences"})
#: Violence a death happens in ("died in police firing"): the death is an ASSAULT, and the
#: phrase's modifier ("police") its implied agent.
ATTACK_NOUNS = frozenset({"firing", "shooting", "attack", "attacks", "lathicharge", "shelling",
                          "bombing", "blast", "explosion", "violence", "clash", "clashes",
                          "riot", "riots", "riotting", "rioting", "encounter", "stabbing",
                          "bombardment", "crossfire", "cross-fire", "stone-pelting", "arson"})
#: What one is held or caught as that is no custody: "held responsible", "held hostage" (an
#: abduction), "held up".
HELD_STATES = frozenset({"responsible", "accountable", "liable", "guilty", "hostage", "hostages",
                         "captive", "captives", "up"})
#: What one is caught in that is no arrest: "caught in the crossfire", "caught in the rain".
CAUGHT_IN = frozenset({"crossfire", "cross-fire", "rain", "storm", "traffic", "fire", "flood",
                       "middle", "web", "jam", "downpour", "stampede"})
#: What force is used for: "used to disperse the crowd" (PLOVER ASSAULT, CAMEO 175).
DISPERSE_VERBS = frozenset({"disperse", "scatter", "quell", "control", "push", "chase",
                            "drive", "break"})
#: Forces whose firing is named by them: "the police firing", "army firing".
FIRING_FORCES = frozenset({"police", "army", "military", "troops", "paramilitary",
                           "security"})
#: Where a violent cause hangs under a verb: "died in police firing", "fell to police bullets".
CAUSE_PREPS = frozenset({"in", "during", "to"})
#: What one falls or succumbs to when shot: "fell to police bullets".
BULLETS = frozenset({"bullet", "bullets", "pellet", "pellets", "gunshot", "gunfire"})
#: Injuries a death is the end of, when their kind is violent ("succumbed to bullet injuries";
#: "succumbed to his injuries" alone may be a road accident's).
INJURIES = frozenset({"injury", "injuries", "wound", "wounds"})
WEAPON_WOUNDS = frozenset({"stab", "gunshot", "burn", "bullet", "knife", "pellet"})
#: Attack nouns whose "with" names the other side: "shot dead in an encounter with the police"
#: (a police shooting in South Asian usage); "clashes with the police" name no killer.
ENCOUNTERS = frozenset({"encounter", "gunbattle", "shootout", "shoot-out"})
#: Verbs of a clause that names who killed: "were killed when the police opened fire".
FIRING_VERBS = frozenset({"open", "fire", "shoot", "lathicharge", "attack", "shell", "bomb"})
#: Hyphen prefixes that make "charged" a use of force: "baton-charged", "lathi-charged".
CHARGE_PREFIXES = frozenset({"baton", "lathi", "cane"})
AGREEMENT_OBJECTS = frozenset({
    "agreement", "deal", "treaty", "accord", "pact", "contract", "memorandum", "declaration",
    "statement", "law", "bill", "order", "protocol", "charter", "convention", "deals",
    "agreements", "contracts", "document", "documents", "ceasefire", "truce", "extension",
    "constitution", "intent",  # "signed a letter of intent"
})
INITIATED = frozenset({
    "campaign", "product", "service", "bid", "appeal",
    "website", "site", "brand", "scheme", "initiative", "range", "network", "plan", "action",
    "review", "fund", "model", "version", "console", "phone", "handset", "channel", "drive",
    "offensive", "operation", "programme", "program", "project", "venture", "manifesto",
    "policy", "strategy", "challenge", "lawsuit", "case", "consultation", "game",
    "album", "film", "magazine", "newspaper", "station", "label", "card", "device", "system",
    "software", "browser", "tool", "store", "shop", "club", "party", "company", "business",
    "paper", "report",
})
# What parties agree on (beyond signed documents): "agreed a takeover", "agreed terms".
AGREED_OBJECTS = AGREEMENT_OBJECTS | frozenset({
    "terms", "plan", "price", "fee", "sale", "settlement", "merger", "takeover", "package",
    "compromise", "budget", "rise", "increase", "cut", "cuts", "transfer", "loan",
    "partnership", "alliance", "timetable", "date", "swap", "merge", "sponsorship",
})
COMMENT_VERBS = frozenset({"comment", "confirm", "say", "discuss", "reveal", "rule",
                           "speculate", "elaborate", "answer", "name", "disclose", "deny",
                           "identify", "divulge", "specify", "explain", "speak", "acknowledge",
                           "admit"})
CONTEST_VERBS = frozenset({"win", "beat", "lift", "reach", "finish", "clinch", "triumph",
                           "retain", "regain", "top", "claim", "prosper", "do"})
WITHDRAWN = frozenset({"troop", "troops", "force", "forces", "soldier", "soldiers",
                       "ambassador", "envoy", "diplomat", "diplomats", "staff", "army",
                       "personnel", "unit", "units", "presence", "contingent"})
POLICY_OBJECTS = frozenset({
    "plan", "proposal", "bill", "policy", "campaign", "candidate", "candidacy", "decision",
    "idea", "move", "call", "law", "reform", "measure", "motion", "bid", "deal", "scheme",
    "strategy", "change", "ban", "war", "cause", "government", "leader", "party", "initiative",
    "legislation", "budget", "approach", "action", "resolution", "amendment", "vote", "power",
    "rebel", "regime", "independence", "sanction", "treaty", "agreement", "offer", "claim",
    "demand", "effort", "position", "stance", "request", "appeal", "application", "strike",
    "cut", "order", "rule", "tax", "programme", "program", "project", "nomination", "nominee",
    "increase", "rise", "sanctions", "inquiry", "investigation", "control", "attempt",
})
IMPOSED = frozenset({"sanction", "sanctions", "ban", "bans", "embargo", "tariff", "tariffs",
                     "fine", "fines", "curfew", "restriction", "restrictions", "penalty",
                     "levy"})
STRIKE_KINDS = frozenset({"air", "missile", "drone", "military", "rocket", "nuclear"})
ATTACK_KINDS = STRIKE_KINDS | {"terror", "terrorist", "suicide", "bomb", "armed", "gun",
                               "knife", "chemical", "militant", "insurgent", "rebel", "cyber",
                               "grenade", "mortar", "artillery", "ground"}
TRAVEL_PARTICLES = frozenset({"around", "round"})
LIGHT_VERBS = frozenset({
    "hold", "have", "attend", "host", "give", "conduct", "stage", "make", "begin", "start",
    "open", "end", "join", "lead", "chair", "pay", "take", "go", "complete", "wrap",
    "conclude", "carry", "announce", "launch", "mount", "undertake", "order", "institute",
    "set", "resort", "declare", "wage", "throw", "land", "organise", "organize", "step",
    "escalate", "intensify", "ramp",
})
#: Light verbs whose noun is under a preposition: "resorted to a lathicharge".
PREP_LIGHT_VERBS = frozenset({"resort", "go", "be"})  # "X is in final talks to direct it"
GROUP_HEADS = frozenset({
    "government", "military", "army", "navy", "force", "forces", "troops", "police",
    "official", "officials", "authorities", "ministry", "leader", "president", "minister",
    "side", "delegation", "team", "company", "firm", "regime", "administration", "state",
    "parliament", "council", "court", "board", "group", "chief", "spokesman", "spokeswoman",
    "media", "agency", "prime", "secretary", "party", "member", "members", "club",
})
# Heads naming one person: "the Pakistani president" is that (unnamed) person, whose
# nationality is not the actor; "the Chinese government" is the state's.
ONE_PERSON_HEADS = frozenset({"leader", "president", "minister", "chief", "spokesman",
                              "spokeswoman", "secretary", "prime", "member", "official"})
# Bodies that a country or nationality only describes: "a US company agreed" is a company's
# act, not the United States'; their named owner ("the Sony group") still acts.
PRIVATE_HEADS = frozenset({"company", "firm", "group", "club", "board", "party", "member",
                           "members"})
DESCRIPTIVE_LABELS = frozenset({"GPE", "NORP", "LOC"})
OBJECT_CONTROL = frozenset({"invite", "ask", "urge", "allow", "help", "persuade", "tell",
                            "encourage", "force", "order", "permit", "enable", "challenge",
                            "dare", "press", "pressure", "want", "need", "expect", "require",
                            "push", "get", "leave", "advise", "instruct", "remind",
                            # "the threat prompted officials to make concessions"
                            "prompt", "compel", "convince", "spur", "oblige"})
#: Acts a public call asks of others without naming them: "called to reject Arden" (a DEMAND
#: whose rejection nobody named does); "called to congratulate Arden" is a phone call.
CALLED_ACTS = frozenset({"reject", "oppose", "boycott", "ban", "impeach", "repeal", "end",
                         "stop", "halt", "release", "investigate", "prosecute", "arrest",
                         "remove", "suspend", "sanction", "block", "abolish", "denounce",
                         "condemn", "disavow", "repudiate", "fire", "oust"})
PLANNED_HEADS = frozenset({
    "plan", "intend", "expect", "hope", "want", "aim", "prepare", "promise", "pledge", "vow",
    "set", "due", "schedule", "decide", "agree", "invite", "wish", "propose", "offer",
    "go", "need", "prepared",
})
# "threatened to veto": the veto is possible (a threat is no plan; the gold's README).
POSSIBLE_HEADS = frozenset({"try", "seek", "attempt", "ask", "urge", "consider", "able",
                            "threaten",
                            "call", "encourage", "want", "allow", "enable", "permit", "let",
                            "available", "willing", "ready", "keen", "eager", "happy"})
# Nouns whose clause reports an unconfirmed claim: "speculation that X had held talks".
HEDGED_NOUNS = frozenset({"speculation", "rumour", "rumor", "report", "reports", "suggestion",
                          "claim", "allegation", "fear", "fears"})
HEDGED_HEADS = frozenset({"seem", "appear", "likely", "unlikely", "believe", "suspect",
                          "think"})
#: Heads whose infinitive or gerund did not happen: "failed to win", "refusing to attack his
#: rivals", "unwilling to endorse", "resisted endorsing", "has yet to endorse" (with "yet").
NEGATED_HEADS = frozenset({"fail", "refuse", "decline", "unable", "unwilling", "resist",
                           "refrain", "neglect"})
#: Acts whose refusal answers a request or a demand (CAMEO 12, PLOVER REJECT): "refused to
#: endorse Ryan", "refused to release his tax returns", "refused to stop the fraud"; refusing
#: any other act ("refusing to attack his rivals", "I refuse to let hate win") rejects nothing
#: asked, and only the refused act is reported (negated).
REFUSED_ACTS = frozenset({"endorse", "support", "back", "concede", "stop", "release",
                          "disavow", "repudiate", "retract", "apologise", "apologize",
                          "accept", "sign", "pay", "reimburse", "divest", "publish", "resign",
                          "cooperate", "comply", "obey", "withdraw", "recognize", "recognise",
                          "approve", "extradite", "lift", "meet", "negotiate", "debate",
                          "reinstate", "reconsider", "condemn", "vote", "submit", "testify",
                          "attend", "join", "participate", "bow", "hand", "suspend", "halt",
                          "end", "abandon", "scrap", "drop", "extend", "hold", "turn",
                          "allow", "give"})
#: What one is asked to answer, so refusing to answer it is a REJECT (CAMEO 12): "refusing to
#: answer a campaign questionnaire", "declined to answer the subpoena"; not questions put by
#: reporters ("refused to answer further questions": declining comment, CAMEO 011, no event).
ANSWERED_REQUESTS = frozenset({"questionnaire", "questionnaires", "survey", "surveys",
                               "subpoena", "subpoenas", "summons", "ultimatum", "petition",
                               "request", "requests", "demand", "demands"})
#: Nouns of a request a refusal despite which answers it: "refused to resign despite calls".
PRESSURES = frozenset({"call", "calls", "demand", "demands", "request", "requests",
                       "pressure", "plea", "pleas", "appeal", "appeals"})
NEAR_HEADS = frozenset({"close", "near", "verge", "brink"})
PLANNED_AUX = frozenset({"will", "shall", "'ll", "wo"})
POSSIBLE_AUX = frozenset({"would", "could", "may", "might", "can", "should", "must", "'d",
                          "ca"})
HEDGE_ADVERBS = frozenset({"likely", "probably", "possibly", "perhaps", "reportedly",
                           "allegedly", "apparently", "reported", "supposedly", "maybe"})
PLANNED_ADJ = frozenset({"planned", "upcoming", "proposed", "future", "scheduled",
                         "forthcoming", "expected", "potential", "possible", "prospective",
                         "imminent", "impending"})
DATE_BLOCKING_PREPS = frozenset({"since", "until", "till", "before", "after", "by", "from",
                                 "through", "throughout", "between", "ahead"})
PLACE_PREPS = frozenset({"at", "in", "near", "inside", "outside", "within", "across"})
TARGET_PREPS = frozenset({"with", "against", "to", "toward", "towards", "on", "for"})
#: The subject pronouns of one person: "he attacked" a rival is a verbal attack.
SINGULAR_PERSON_PRONOUNS = frozenset({"he", "she", "i"})
SINGULAR_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself",
                               "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
#: Subject pronouns kept as written when no name resolves them: the gold keeps "He", "they" as
#: the actor (the referent is outside the sentence), and the event is still reported.
STANDING_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
#: Quantifier pronouns a subject may be: "all were arrested", "both of his senators backed".
QUANTIFIER_PRONOUNS = frozenset({"all", "both", "some", "many", "most", "several", "each",
                                 "others", "one", "two", "three", "dozens", "hundreds",
                                 "those"})
COMPLEMENT_TARGET_TYPES = frozenset({"DEMAND", "THREATEN", "ACCUSE", "SUPPORT", "REJECT",
                                     "AGREE", "AID"})
OF_IS_TARGET = frozenset({"ASSAULT", "COERCE", "SANCTION", "PROTEST", "ACCUSE", "ACQUIRE",
                          "INVESTIGATE", "SUPPORT", "AID", "RETREAT",
                          "PERSONNEL"})  # "the resignation of key board members": who goes
#: Staff a company or a club hires and fires: "some 100 employees were fired".
STAFF = frozenset({"employee", "employees", "staff", "worker", "workers", "manager", "coach",
                   "director", "executive", "executives", "aide", "aides", "adviser",
                   "advisers", "spokesman", "spokeswoman", "official", "officials", "chief",
                   "editor", "officer", "officers", "strategist", "consultant"})
#: What a state or a prosecutor drops, conceding: "dropped the charges" (CAMEO 081).
DROPPED_CASES = frozenset({"charge", "charges", "case", "investigation", "inquiry", "probe",
                           "lawsuit", "suit", "prosecution", "allegation", "allegations",
                           "demand", "demands", "objection", "objections", "opposition",
                           "extradition"})
#: What a party pulls out of, reducing relations (CAMEO 161/164): agreements and talks.
LEFT_AGREEMENTS = AGREEMENT_OBJECTS | frozenset({"negotiation", "negotiations", "talk",
                                                  "talks", "partnership", "alliance",
                                                  "coalition", "summit", "accords"})
#: Claims whose rejection is a denial, a statement (CAMEO 016): "rejected the allegations".
CLAIMS = frozenset({"allegation", "allegations", "claim", "claims", "idea", "suggestion",
                    "suggestions", "report", "reports", "accusation", "accusations", "rumour",
                    "rumours", "rumor", "rumors", "notion", "assertion", "charge", "charges",
                    "attacks", "criticism", "criticisms", "characterization",
                    "characterisation", "comparison", "comparisons", "premise"})
#: Requests whose denial is a rejection (CAMEO 12): "denied the request for bail".
REQUESTS = frozenset({"request", "requests", "application", "applications", "appeal",
                      "bail", "permission", "access", "entry", "visa", "petition", "motion",
                      "bid", "offer", "demand", "demands", "asylum", "parole", "permit"})
#: Texts whose "imposing" a penalty states a rule, not an event: "laws that impose fines".
RULES = frozenset({"law", "rule", "regulation", "act", "bill", "code", "statute", "policy",
                   "legislation", "treaty", "directive"})
#: Nouns whose infinitive their holder carries out: "police have a duty to investigate".
DUTY_NOUNS = frozenset({"duty", "need", "obligation", "responsibility", "decision"})
#: Where the police take or send someone: "took him into custody", "transported X to jail".
JAILS = frozenset({"custody", "jail", "prison", "gaol", "lockup", "cell", "cells"})
#: What one is fired from, a job (PERSONNEL), not shot: "had been fired from his job".
JOBS = frozenset({"job", "post", "position", "role", "company", "firm", "network", "paper",
                  "newspaper", "club", "team", "agency", "department", "show", "campaign",
                  "administration", "cabinet", "board"})
#: People held whose release or return is a material yielding (CAMEO 0841, PLOVER RETREAT
#: mode release): "freed four detainees", "the release of the hostages".
DETAINEES = frozenset({"detainee", "detainees", "hostage", "hostages", "prisoner", "prisoners",
                       "captive", "captives", "inmate", "inmates", "journalist",
                       "journalists", "activist", "activists", "dissident", "dissidents",
                       "suspect", "suspects"})
#: Participles that make their noun a detainee: "four Britons held by the US".
HELD = frozenset({"hold", "detain", "imprison", "jail", "kidnap", "capture", "abduct", "seize",
                  "arrest"})
#: Places one visits online, not a VISIT: "visited the campaign's website".
WEBSITES = frozenset({"website", "websites", "site", "sites", "page", "pages", "profile",
                      "blog", "channel", "app", "forum", "account", "feed", "link"})
#: Participles before a person noun that report the event done to them: "the detained
#: families", "freed hostages" (COERCE and RETREAT senses).
HELD_PARTICIPLES = frozenset({"detain", "arrest", "jail", "imprison", "deport", "free",
                              "release"})
#: Violence a promise or a vow threatens: "promised to bomb" (CAMEO 138).
VIOLENT_VERBS = frozenset({"bomb", "attack", "kill", "destroy", "invade", "crush", "strike",
                           "nuke", "annihilate", "obliterate", "retaliate", "punish",
                           "carpet-bomb", "wipe"})
#: Actions "the threat of" names as threatened (CAMEO 13): tariffs, sanctions, force.
THREATENED_ACTIONS = frozenset({"tariff", "tariffs", "sanction", "sanctions", "force",
                                "violence", "veto", "strike", "strikes", "action", "war",
                                "invasion", "attack", "attacks", "lawsuit", "legal", "arrest",
                                "prosecution", "retaliation", "reprisal", "reprisals",
                                "expulsion", "boycott", "embargo", "deportation"})
#: What one negotiates with a counterpart the sentence may leave unnamed: "negotiating the
#: return of the detainees", "negotiate a solution" (CAMEO 046 engage in negotiation).
NEGOTIATED = AGREED_OBJECTS | frozenset({"return", "release", "solution", "settlement",
                                         "withdrawal", "exit", "peace", "ceasefire", "end",
                                         "handover", "terms", "resolution"})
#: What a company or a public body buys, taking it over (ACQUIRE): "bought the course",
#: "buying the label", "sold GM a stake" (not consumer goods).
ACQUIRED_THINGS = frozenset({"company", "companies", "firm", "firms", "stake", "stakes",
                             "business", "businesses", "property", "properties", "land",
                             "course", "building", "label", "club", "team", "assets",
                             "rights", "unit", "division", "subsidiary", "chain", "brand",
                             "operator", "rival", "newspaper", "station", "debt", "portfolio",
                             "shareholding", "holding", "holdings", "estate", "studio"})
#: Natural causes of death and accidents: "were killed after an earthquake sent waves", "an
#: earthquake and giant waves killed", "killed in a car crash" (no ASSAULT: PLOVER codes disease
#: and disaster as a context, never as an event with a recipient).
DISASTERS = frozenset({"earthquake", "quake", "tsunami", "storm", "flood", "floods",
                       "hurricane", "typhoon", "cyclone", "avalanche", "landslide", "disease",
                       "epidemic", "pandemic", "fire", "wave", "waves", "drought", "famine",
                       "heatwave", "tornado", "volcano", "eruption", "disaster", "disasters",
                       "crash", "accident", "collision", "derailment", "stampede", "blaze",
                       "illness", "cancer", "virus", "outbreak", "heat", "mudslide"})
#: What officers stop, a traffic stop (the gold's COERCE): "stopped a vehicle".
STOPPED = frozenset({"vehicle", "vehicles", "car", "cars", "van", "truck", "lorry", "driver",
                     "motorist", "motorists", "suspect", "man", "woman", "bus", "taxi"})
#: Who or what a body suspends besides a named party: "ten firms suspended".
SUSPENDED = frozenset({"firm", "firms", "company", "companies", "club", "clubs", "member",
                       "members", "player", "players", "account", "licence", "license"})
#: Subjects that make an ACCUSE an act with an implied agent: "the legal action accuses X".
LEGAL_DOCUMENTS = frozenset({"action", "lawsuit", "suit", "indictment", "complaint",
                             "complaints", "petition", "filing", "writ", "charge", "charges",
                             "summons"})
#: Legal actions one launches, files or brings against a party: a lawsuit (PLOVER ACCUSE, CAMEO
#: 115 bring lawsuit against), not a product or a plan launched.
LAWSUITS = frozenset({"lawsuit", "lawsuits", "suit", "suits", "proceedings", "litigation",
                      "action", "case", "cases", "challenge", "complaint", "complaints",
                      "claim", "petition"})
#: What a verbal attack is aimed at when it is no person: a policy, a claim, a record ("attacked
#: the legislation", "attacked Labour's record"): criticism (PLOVER ACCUSE), not an ASSAULT.
CRITICISED_THINGS = frozenset({
    "record", "remarks", "comments", "speech", "stance", "handling", "performance", "package",
    "report", "article", "statement", "view", "views", "rhetoric", "response", "failure",
    "policies", "plans", "proposals", "decisions", "ruling", "verdict", "judgment", "judgement",
    "approach", "bill", "bills", "laws", "rules", "regulation", "regulations", "scheme",
    "reforms", "budget", "tax", "taxes", "spending", "cuts", "plan", "proposal", "policy",
    "decision", "idea", "move", "law", "legislation", "measure", "measures", "reform", "deal",
    "strategy", "position", "programme", "program", "tactics", "campaign", "claim", "claims",
    "allegation", "allegations", "leadership", "agenda", "manifesto",
})
#: The public a warning or advice is addressed to, no actor asked to act: "urged people to be
#: cautious", "urged users to update their software".
PUBLIC = frozenset({"people", "public", "users", "consumers", "customers", "motorists",
                    "drivers", "travellers", "travelers", "passengers", "shoppers", "viewers",
                    "readers", "listeners", "patients", "investors", "householders",
                    "homeowners", "parents", "everyone", "anyone", "those", "caution"})
#: Abstractions an "assault" is a figure of speech on: "the assault on Yukos' assets", "an
#: assault on our freedoms" (no physical attack).
ABSTRACT_TARGETS = CRITICISED_THINGS | frozenset({
    "asset", "assets", "right", "rights", "freedom", "freedoms", "democracy", "liberty",
    "liberties", "privacy", "values", "truth", "sense", "senses", "dignity", "constitution",
    "independence", "reputation", "economy", "market", "markets", "industry", "wealth",
})
#: Animals shot at or hunted, no ASSAULT (PLOVER's recipients are political actors); also the
#: hunting figure of speech: "shoot that fox first", "fire both barrels at the election foxes"
#: (the kinds, not "animals": tests/test_events.py keeps "buy a rifle to shoot animals" a
#: planned ASSAULT for its modality).
ANIMALS = frozenset({"fox", "foxes", "deer", "bird", "birds", "rabbit", "rabbits", "dog",
                     "dogs", "cat", "cats", "horse", "horses", "bear", "bears", "wolf", "wolves",
                     "duck", "ducks", "pheasant", "pheasants", "elephant",
                     "elephants", "lion", "lions", "shark", "sharks", "barrels"})
#: Where a grab is an assault: "grabbed a reporter by the arm" (CAMEO 182).
BODY_PARTS = frozenset({"arm", "arms", "neck", "throat", "hair", "collar", "wrist", "wrists",
                        "shoulder", "shoulders", "face", "head"})
#: What one asks for without demanding anything of an actor: "asked for comment".
COMMENTS = frozenset({"comment", "comments", "details", "clarification", "advice", "opinion",
                      "information", "name", "names", "autograph", "directions", "position",
                      "stance", "view", "views", "thoughts", "reaction", "response", "take"})
#: What a party seeks from another in a lawsuit: "seeking damages from X".
DAMAGES = frozenset({"damages", "compensation", "injunction", "restitution", "redress"})
#: What a campaign or a company deploys, no force (MOBILIZE is troops and police).
DEPLOYED_CIVILIANS = frozenset({"staff", "staffer", "staffers", "technology", "software",
                                "ads", "advertising", "app", "organizers", "organisers",
                                "canvassers", "observers", "monitors", "inspectors", "surrogate",
                                "surrogates", "father", "mother",
                                "wife", "husband", "son", "daughter", "family", "pastor",
                                "volunteers", "lawyers"})
#: Races a candidate withdraws from (PERSONNEL, not a military RETREAT).
RACES = frozenset({"race", "races", "contest", "election", "primary", "primaries",
                   "nomination", "campaign", "reelection", "re-election", "ballot", "runoff"})
# What is reserved, not detained: "booked a hotel".
BOOKED_THINGS = frozenset({"ticket", "tickets", "flight", "flights", "room", "rooms", "hotel",
                           "seat", "seats", "table", "place", "slot", "holiday", "trip"})

#: Generic actors and the sector (CAMEO/PLOVER actor type) they name, by word or lemma: "the
#: police arrested", "troops fired", "prosecutors charged". A name whose head is one of them
#: ("the Supreme Court") has its sector too; a state acting (GPE) is "government".
ACTOR_SECTORS: dict[str, str] = {
    **dict.fromkeys(("police", "policeman", "policemen", "policewoman", "cop", "officer",
                     "constable", "detective", "trooper", "gendarme", "sho", "inspector",
                     "sub-inspector", "dsp"), "police"),
    **dict.fromkeys(("troop", "soldier", "army", "military", "navy", "forces", "marine",
                     "paratrooper", "peacekeeper", "airforce", "militia", "paramilitary"),
                    "military"),
    **dict.fromkeys(("rebel", "militant", "insurgent", "fighter", "jihadist", "guerrilla",
                     "separatist"), "rebels"),
    **dict.fromkeys(("gunman", "gunmen", "attacker", "assailant", "robber", "kidnapper",
                     "bomber", "shooter", "terrorist", "killer", "murderer", "hijacker",
                     "sniper", "thief", "smuggler", "trafficker"), "criminal"),
    **dict.fromkeys(("protester", "protestor", "demonstrator", "resident", "villager", "mob",
                     "activist", "voter", "rioter", "campaigner"), "civilians"),
    **dict.fromkeys(("government", "official", "authority", "authorities", "ministry",
                     "minister", "administration", "regime", "cabinet", "department",
                     "agency", "president", "governor", "mayor", "council"), "government"),
    **dict.fromkeys(("court", "judge", "prosecutor", "prosecution", "magistrate", "jury",
                     "tribunal", "attorney"), "judiciary"),
    **dict.fromkeys(("parliament", "senate", "lawmaker", "legislator", "mp", "senator",
                     "congressman", "congresswoman", "legislature", "committee", "assembly"),
                    "legislature"),
    **dict.fromkeys(("company", "firm", "bank", "corporation", "retailer", "airline",
                     "insurer", "carmaker", "manufacturer", "lender", "subsidiary"),
                    "business"),
    **dict.fromkeys(("newspaper", "broadcaster", "journalist", "reporter", "media"), "media"),
    **dict.fromkeys(("candidate", "nominee", "campaign"), "party"),
    **dict.fromkeys(("chancellor", "secretary"), "government"),
    **dict.fromkeys(("union", "unions", "worker"), "labor"),
    **dict.fromkeys(("charity", "foundation"), "ngo"),
}

#: A modifier that changes a head's sector: "security forces" and "paramilitary forces" are the
#: state's internal security (CAMEO COP, police), "the army" and "troops" its military (MIL).
COMPOUND_SECTORS: dict[tuple[str, str], str] = {
    ("security", "forces"): "police", ("security", "force"): "police",
    ("paramilitary", "forces"): "police", ("reserve", "police"): "police",
    ("attorney", "general"): "judiciary", ("inspector", "general"): "government",
}
#: Office holders whose sector is their modifier's: "the city police commissioner", "an army
#: officer", "the police chief".
OFFICE_HEADS = frozenset({"commissioner", "chief", "inspector", "superintendent", "officer",
                          "officers", "spokesman", "spokeswoman", "official", "officials",
                          "commander", "head", "personnel", "team", "station"})

#: Types whose target undergoes the event: a passive without agent ("51 persons have been
#: arrested") or a noun ("his arrest") is a mention with a target and no actor.
PATIENT_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "ACCUSE", "INVESTIGATE",
                           "PERSONNEL", "CONCEDE", "MOBILIZE", "RETREAT",
                           "DEMAND"})  # "Tom Arden was urged to resign": asked of the target
class ThingPassive(NamedTuple):
    """A type whose agentless passive with a thing for its subject is a mention with that
    thing as its target and no actor ("the plan was rejected on Monday": the gold's REJECT,
    actor null; issue 16, passives without agent), with an example and a counter-example (an
    active clause with no subject stays no mention). Not SANCTION: read on polnear-train and
    BBC, its agentless passives are mostly states or permissions ("the drug is not banned",
    "skateboarding is sanctioned within the park"), no act."""

    event_type: str
    example: str
    counter: str


THING_PASSIVES = (
    ThingPassive("REJECT", "The Velden housing plan was rejected on Monday.",
                 "Rejecting the Velden housing plan would be a mistake."),
    ThingPassive("REJECT", "The Velden housing plan rejected on Monday was similar to an "
                 "older one.", "The Velden housing plan was similar to an older one."),
    ThingPassive("INVESTIGATE", "The leaflets were investigated in Port Velden last year.",
                 "Investigating the leaflets in Port Velden would take a year."),
)
THING_PASSIVE_TYPES = frozenset(row.event_type for row in THING_PASSIVES)
#: Types a passive participle after its noun reports ("a soldier killed by a bomber", "the men
#: detained on Monday"); of the others it only describes the noun ("a deal backed by X",
#: "troops deployed in Iraq", "land donated by the council").
PARTICIPLE_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "ACCUSE", "INVESTIGATE",
                              "PERSONNEL", "RETREAT", "DEMAND"})  # "the $20 demanded by X"
#: Types whose noun's "from" phrase names its source, the actor: "criticism from Britain",
#: "donations from his father", "threats from the rebels".
SOURCE_NOUN_TYPES = frozenset({"ACCUSE", "THREATEN", "AID", "SUPPORT", "DEMAND",
                               "INVESTIGATE"})  # "an inquiry from the attorney general"
#: Types whose noun is a mention with one party named and no actor: "trade talks with China"
#: (the other side is the article's subject, often unnamed there).
PARTY_NOUN_TYPES = frozenset({"CONSULT"})
#: Qualifiers that make a bare plural noun ("protests") one real event: "anti-government
#: protests", "public protests" (a place or a people does too: "Hong Kong protests").
SPECIFYING_MODIFIERS = frozenset({"anti", "public", "mass", "street", "nationwide",
                                  "student", "unsanctioned", "peaceful", "weekly", "recent",
                                  "ongoing", "massive", "widespread", "growing", "mounting",
                                  "fierce", "sharp", "international"})
#: Common nouns naming the people an arrest or a killing is done to, a target without a name.
PERSON_NOUNS = frozenset({
    "person", "persons", "people", "man", "men", "woman", "women", "boy", "boys", "girl",
    "girls", "child", "children", "youth", "youths", "suspect", "teenager", "driver",
    "couple", "individual", "others", "accused", "civilian", "civilians", "journalist",
    "migrant", "refugee", "passenger", "prisoner", "inmate", "victim", "suspects", "activists",
    "rioters", "protesters", "students", "workers", "villagers", "residents",
    "parents", "father", "mother", "son", "daughter", "brother", "wife", "husband", "family",
    "partner", "fans", "supporters",
    "detainee", "detainees", "hostage", "hostages", "captive", "captives", "prisoners",
    "inmates",
})

#: Pronouns kept as the target of an event they undergo when they resolve to no name ("He was
#: remanded in custody"): the gold keeps a pronoun as written.
#: Possessive pronouns kept as the target of a noun they undergo ("his arrest") when they
#: resolve to no name.
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "their", "my", "our"})
PATIENT_PRONOUNS = frozenset({"he", "she", "him", "her", "they", "them", "i", "me", "we",
                              "us"})

#: Objects of a preposition of time, beside the parser's DATE and TIME entities: "on Monday",
#: "on the night of the vote" attach no party to a verb ("called it a disgrace on Monday").
TIME_NOUNS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "night",
    "nights", "morning", "mornings", "afternoon", "evening", "evenings", "weekend", "weekends",
    "day", "days", "week", "weeks", "month", "months", "year", "years", "eve", "occasion",
    "time", "times", "moment", "date", "anniversary",
})

#: Places whose control is seized: occupying territory (CAMEO 192, PLOVER COERCE) and not
#: "seizing control of the party" or "of the debate" (a metaphor).
PLACE_NOUNS = frozenset({
    "town", "city", "village", "capital", "province", "region", "district", "area", "territory",
    "airport", "port", "harbour", "harbor", "base", "border", "crossing", "building", "palace",
    "parliament", "embassy", "station", "compound", "camp", "prison", "oilfield", "field",
    "bridge", "road", "highway", "island", "coast", "valley", "hill", "mountain", "country",
    "state", "enclave", "neighbourhood", "neighborhood", "suburb", "ship", "vessel",
    "plant", "refinery", "mine", "dam", "checkpoint", "garrison", "fort", "headquarters",
})
#: What a candidate suspends, ending a run: a withdrawal from the race (the gold's PERSONNEL),
#: not a sanction ("the league suspended the player").
CAMPAIGNS = frozenset({"campaign", "campaigns", "candidacy", "bid", "run"})
#: What is welcomed as an endorsement (CAMEO 051 praise or endorse), beside POLICY_OBJECTS:
#: "welcomed the ruling"; not "welcomed the crowd", "welcomed a baby", "welcomed extradition".
WELCOMED = frozenset({"news", "ruling", "verdict", "announcement", "step", "steps", "report",
                      "result", "results", "outcome", "release", "election", "appointment",
                      "ceasefire", "truce", "talks", "visit", "initiative", "commitment",
                      "pledge", "statement", "judgment", "judgement", "findings"})
#: Meetings that are no talks between public actors (the gold's CONSULT): a candidate's town
#: hall with voters, a company's annual or shareholders' meeting, a prayer meeting.
MEETING_KINDS = frozenset({"town", "hall", "townhall", "shareholder", "shareholders", "annual",
                           "general", "prayer", "staff", "fan", "fans",
                           "board"})  # "has its board meeting on Friday": a body's own
#: Faults a company or an office looks into: no investigation of anyone ("we are investigating
#: a problem with the delivery route", the gold's counter-example).
FAULTS = frozenset({"problem", "problems", "fault", "faults", "glitch", "glitches", "bug",
                    "bugs", "outage", "outages", "situation", "error", "errors", "cause"})

#: Processions that are no protest: "marched in the parade".
PARADES = frozenset({"parade", "parades", "procession", "band", "ceremony", "carnival",
                     "step", "time", "formation"})

#: Whom a politician meets or greets without talks between sides (the gold's CONSULT):
#: "greeted voters inside a polling place", "a meeting with reporters".
AUDIENCES = frozenset({"voter", "voters", "reporter", "reporters", "journalist", "journalists",
                       "press", "supporter", "supporters", "fan", "fans", "crowd", "crowds",
                       "audience", "audiences", "well-wishers", "wellwishers", "shoppers",
                       "students", "pupils", "media"})
#: What is killed without a killing: "killed the bill", "journalists are killing journalism".
KILLED_THINGS = frozenset({"bill", "bills", "deal", "deals", "plan", "plans", "proposal",
                           "demand",
                           "proposals", "idea", "ideas", "legislation", "measure", "project",
                           "story", "stories", "chance", "chances", "hope", "hopes", "momentum",
                           "journalism", "time", "mood", "buzz", "conversation", "engine",
                           "lights", "power", "reform", "amendment", "programme", "program"})
#: What one quits that is no post: a market, a habit (a firm "quitting the LCD market").
QUIT_HABITS = frozenset({"market", "markets", "smoking", "drinking", "habit", "habits",
                         "sector", "industry", "drugs", "alcohol", "cigarettes"})
#: Modifiers that make an "attack" words (PLOVER ACCUSE), not violence: "xenophobic attacks
#: on Muslims", "personal attacks on the judge".
VERBAL_ATTACKS = frozenset({"verbal", "personal", "xenophobic", "racist", "sexist",
                            "rhetorical", "partisan", "scathing", "blistering", "withering",
                            "negative", "ad", "hominem", "smear", "twitter"})
#: Media on which something is said: "celebrated the attacks on Twitter" names no target.
MEDIA_OUTLETS = frozenset({"twitter", "facebook", "instagram", "youtube", "television", "tv",
                           "radio", "air", "social", "media", "website", "internet", "line",
                           "camera", "telegram", "tiktok"})

#: Works and figures released: no prisoner freed (RETREAT): "released her new album".
RELEASED_WORKS = frozenset({"album", "albums", "single", "singles", "record", "records", "song",
                            "songs", "film", "films", "movie", "movies", "book", "memoir",
                            "video", "videos", "footage", "trailer", "game", "games", "version",
                            "statistics", "figures", "data", "report", "results", "details",
                            "statement", "names", "documents", "emails", "tape", "tapes",
                            "photos", "pictures", "images", "poll", "ep", "mixtape"})
#: What is filmed, not shot at: "shoot video of the sign".
FILMED = frozenset({"video", "videos", "film", "films", "footage", "scene", "scenes", "movie",
                    "photo", "photos", "picture", "pictures", "commercial", "advert", "ad",
                    "episode", "documentary", "pilot", "sequel"})
#: Views shared, not terms agreed: "agreed with Mara Quill on the issue".
VIEWS = frozenset({"issue", "issues", "point", "points", "view", "views",
                   "assessment", "analysis", "diagnosis", "everything", "much", "most",
                   "something", "anything", "nothing", "principle", "substance", "question"})

#: What one withdraws from without yielding ground: a contract, a deal, an auction.
CONTRACTS = frozenset({"contract", "contracts", "deal", "deals", "agreement", "agreements",
                       "talks", "bid", "auction", "tender", "sale", "competition"})

#: Word senses that are no event (issue 16's hand checks): "seized the opportunity", "could
#: not arrest the downslide", "mobilize black voters".
SEIZED_CHANCES = frozenset({"opportunity", "chance", "moment", "initiative", "momentum",
                            "development", "developments", "advantage", "headlines", "day",
                            "occasion", "spotlight", "narrative", "mantle", "lead"})
DECLINES = frozenset({"decline", "slide", "downslide", "fall", "slump", "trend", "drop",
                      "downturn", "spiral", "rot", "momentum"})
CIVIC_GROUPS = frozenset({"voter", "voters", "supporters", "supporter", "base", "support",
                          "vote", "electorate", "volunteers", "fans", "members", "donors",
                          "resources", "opinion"})
#: Types whose noun is a specific event with no participant named: "the investigation was
#: reopened" (the definite article points at one).
BARE_NOUN_TYPES = frozenset({"INVESTIGATE"})


class ModalityCue(NamedTuple):
    """A word table a modality rule of :mod:`pipeline.events.modality` reads, with a sentence
    the rule decides and a counter-example it must leave alone (the trigger in [brackets];
    ``tests/test_event_dates_modality.py`` parses both)."""

    words: frozenset[str]
    example: str
    modality: str
    counter: str
    counter_modality: str


#: Nouns whose absence denies the event they are of: "found no record of his arrest".
NO_EVIDENCE = ModalityCue(
    frozenset({"record", "records", "evidence", "sign", "signs", "trace", "proof",
               "indication", "confirmation"}),
    "Officers in Dunmore said they could find no record of the [arrest] of Tom Keller.",
    "negated",
    "There was no photograph of the [meeting] between Jane Morrow and Tom Keller in Oslo.",
    "asserted",
)
#: Predicates that say whether an event named by a definite noun happens, so the noun takes
#: their modality ("the meeting will take place"); any other predicate is about the event's
#: consequences and leaves it as presupposed ("Tom Keller's resignation would end ...").
OCCURRENCE_HEADS = ModalityCue(
    frozenset({"take", "happen", "occur", "be", "go", "begin", "start", "resume", "proceed",
               "continue", "come", "hold", "schedule", "set", "plan", "expect", "due",
               "postpone", "delay", "cancel"}),
    "The [meeting] between Jane Morrow and Tom Keller will take place in Oslo.",
    "planned",
    "Tom Keller's [resignation] would end the inquiry into Harlow Bank.",
    "asserted",
)
#: Adjectives that make a report the sentence endorses: "a confirmed report that ...".
CONFIRMED_REPORTS = ModalityCue(
    frozenset({"confirmed", "official", "verified", "authenticated"}),
    "Jane Morrow cited a confirmed report that Dunmore police [arrested] five men at the "
    "border.",
    "asserted",
    "Jane Morrow cited a report that Dunmore police [arrested] five men at the border.",
    "hedged",
)
#: Verbs whose object or complement is asked for, not done: "called for his resignation",
#: "demanded that he resign", "pushed senators to reject", "called for X to be banned".
DEMAND_HEADS = ModalityCue(
    frozenset({"call", "demand", "urge", "ask", "request", "seek", "press", "push", "petition",
               "appeal", "insist", "want", "require", "implore", "beg", "lobby"}),
    "Jane Morrow is pushing the senators of Harlow to [reject] the Dunmore bill.",
    "possible",
    "The senators of Harlow [rejected] the Dunmore bill after Jane Morrow pushed them.",
    "asserted",
)
#: Verbs of saying whose reported "would" is a future seen from the past (a plan announced),
#: not a conditional: "told X that they would arrest him"; not "suggested that ... would".
FUTURE_IN_PAST_HEADS = ModalityCue(
    frozenset({"say", "announce", "inform", "tell", "confirm", "insist", "promise", "pledge",
               "vow", "state", "declare", "warn", "reveal", "indicate", "decide", "agree"}),
    "Dunmore police told Jane Morrow that they would [arrest] Tom Keller.",
    "planned",
    "Jane Morrow suggested that Dunmore police would [arrest] Tom Keller.",
    "possible",
)
#: Phrasal heads whose complement happened next, no plan: "went on to accuse X" (not "is going
#: to accuse X").
SEQUEL_HEADS = ModalityCue(
    # "took to Twitter to call out X", "went out of her way to praise X": done
    frozenset({"go on", "move on", "take to", "go out of way"}),
    "Tom Keller went on to [accuse] Jane Morrow of lying about the budget.",
    "asserted",
    "Tom Keller is going to [accuse] Jane Morrow of lying about the budget.",
    "planned",
)


class GenericCue(NamedTuple):
    """A word table that makes a trigger a habit, a rule or a capacity rather than a reported
    event (:func:`pipeline.events.triggers.generic_use`): PLOVER codes events that happened or
    are reported as planned or possible, not what someone does every time or may do in
    general. The example yields no event on the trigger in [brackets], the counter-example
    does (``tests/test_event_types_generic.py`` parses both)."""

    words: frozenset[str]
    example: str
    counter: str


#: Adverbs of habit on the trigger's clause: "Velden police routinely arrest drunk drivers"
#: states a practice, no arrest that happened (issue 16's generic statements).
HABITUAL_ADVERBS = GenericCue(
    frozenset({"routinely", "regularly", "usually", "typically", "habitually", "customarily",
               "normally", "traditionally", "often", "frequently", "generally",
               "consistently"}),
    "Velden police routinely [arrest] drunk drivers outside the stadium.",
    "Velden police [arrested] two drunk drivers outside the stadium.",
)
#: Adverbials of habit: "fines could be imposed each time broadcasters transmit nudity",
#: "whenever the rebels attack".
HABITUAL_MARKERS = GenericCue(
    frozenset({"whenever", "each", "every", "any"}),
    "Fines of up to $500,000 could be [imposed] each time the Dunmore broadcasters transmit "
    "nudity.",
    "Fines of up to $500,000 were [imposed] on the Dunmore broadcasters last week.",
)
#: Nouns whose complement is a practice, a right or a power, not an act: "the US practice of
#: suing everything that moves", "the power to arrest anyone".
PRACTICE_NOUNS = GenericCue(
    frozenset({"practice", "habit", "tradition", "culture", "right", "power", "powers",
               "ability", "freedom", "authority"}),
    "Tom Arden dislikes the Dunmore practice of [suing] the Venter Group every year.",
    "Tom Arden dislikes the Dunmore plan of [suing] the Venter Group this year.",
)
#: Indefinite articles that make an agent noun under a modal anyone who might act: "a hole
#: which an attacker could use" (the agentive rows of the sense table: attacker, protester).
HYPOTHETICAL_AGENTS = GenericCue(
    frozenset({"a", "an", "any"}),
    "The patch fixes a hole which an [attacker] could use to take control of Dunmore "
    "computers.",
    "The [attacker] fled before officers arrived in Dunmore.",
)
#: Subjects that are a poll's respondents, not actors: "62 percent of voters support Arden"
#: reports a poll (the gold's poll "support" is no SUPPORT), for the stances polls measure
#: (:data:`POLLED_TYPES`); a share of another group counts when it is a percentage.
POLLED_GROUPS = GenericCue(
    frozenset({"percent", "%", "voter", "voters", "respondent", "respondents", "electorate",
               "caucusgoer", "caucusgoers"}),
    "Sixty percent of Port Velden voters [support] Mara Quill, the poll found.",
    "The Port Velden council [supported] Mara Quill on Tuesday.",
)
POLLED_TYPES = frozenset({"SUPPORT", "REJECT"})
#: Adjectives whose infinitive a past "was/were" reports as done, not possible: "were able to
#: apprehend a suspect" (an implicative; "may be able to" stays possible).
ACHIEVED_HEADS = ModalityCue(
    frozenset({"able"}),
    "Dunmore transit officers were able to [apprehend] a suspect near the station.",
    "asserted",
    "Dunmore transit officers may be able to [apprehend] a suspect near the station.",
    "possible",
)
#: Words that make a copula's infinitive a rank, not a purpose: "was among 25 senators to
#: vote against the bailout" (he voted).
RANKING_WORDS = ModalityCue(
    frozenset({"among", "first", "last", "only", "second", "third", "latest"}),
    "Tom Keller was among 25 senators in 2008 to [vote] against the Dunmore bailout.",
    "asserted",
    "Tom Keller went to Dunmore in 2008 to [vote] against the bailout.",
    "planned",
)
#: Prepositions before an event noun that place it still to come: "ahead of Sunday's meeting".
AHEAD_WORDS = ModalityCue(
    frozenset({"ahead"}),
    "Ahead of Sunday's [meeting] in Dunmore, Jane Morrow said she was proud of the city.",
    "planned",
    "After Sunday's [meeting] in Dunmore, Jane Morrow said she was proud of the city.",
    "asserted",
)
#: Verbs whose object or gerund did not happen: "avoided direct criticism of X", "averted a
#: strike", "evaded arrest" (not "escaped": one escapes an attack that happened).
AVOIDED_HEADS = ModalityCue(
    frozenset({"avoid", "avert", "evade"}),
    "Tom Keller avoided direct [criticism] of Jane Morrow during the debate.",
    "negated",
    "Tom Keller voiced direct [criticism] of Jane Morrow during the debate.",
    "asserted",
)
#: Nouns whose infinitive did not happen: "his refusal to endorse X", "the failure to arrest".
NEGATED_NOUNS = ModalityCue(
    frozenset({"refusal", "failure", "unwillingness", "inability", "reluctance"}),
    "Tom Keller defended his refusal to [endorse] Jane Morrow.",
    "negated",
    "Tom Keller defended his decision to [endorse] Jane Morrow.",
    "asserted",
)
#: A preposition (with the head it follows) whose object or gerund was not done: "refrained
#: from attacking", "stopped short of endorsing", "left without endorsing", "held without
#: charge".
ABSTAINED_PREPS = ModalityCue(
    frozenset({"without", "refrain from", "abstain from", "desist from", "short of"}),
    "Tom Keller stopped short of [endorsing] Jane Morrow on Tuesday.",
    "negated",
    "Tom Keller stopped in Dunmore after [endorsing] Jane Morrow on Tuesday.",
    "asserted",
)
#: Verbs (and nouns) of denial: the act in a clause, a gerund or an event noun they deny is a
#: claim the sentence does not endorse, hedged (the gold's "has denied the killing"); the
#: denial itself is a statement (CAMEO 016), no event. Not a claim or a request denied: the
#: accusation was made ("denied the allegations"), the request asked ("denied bail").
DENIAL_HEADS = ModalityCue(
    frozenset({"deny", "denial", "dispute"}),
    "Dana Roe denied that she had [met] Tom Arden in Port Velden.",
    "hedged",
    "Dana Roe confirmed that she had [met] Tom Arden in Port Velden.",
    "asserted",
)
#: Heads whose that-clause is a goal, not a report: "make sure that the next president
#: appoints X", "to ensure that X fines Y".
ENSURED_HEADS = ModalityCue(
    frozenset({"ensure", "insure", "make sure", "make certain"}),
    "Voters must make sure that the next president [appoints] Dana Roe.",
    "possible",
    "Voters learned that the new president [appointed] Dana Roe.",
    "asserted",
)
#: Adverbs that make "of/than X" what was not done: "instead of making a visit", "rather than
#: attacking him".
INSTEAD_WORDS = ModalityCue(
    frozenset({"instead", "rather"}),
    "Tom Keller continued his holiday instead of making a [visit] to Dunmore.",
    "negated",
    "Tom Keller continued his holiday after making a [visit] to Dunmore.",
    "asserted",
)
#: Nouns whose infinitive is asked for or attempted, not done: "a duty to investigate the
#: men", "an attempt to arrest him", "a request to open an investigation".
POSSIBLE_NOUNS = ModalityCue(
    frozenset({"duty", "obligation", "attempt", "bid", "effort", "push", "call", "request",
               "demand", "offer", "proposal", "option", "chance", "opportunity", "willingness",
               "readiness", "mandate", "motion", "petition", "appeal", "move", "threat"}),
    "Dunmore police said they had a duty to [investigate] the two men.",
    "possible",
    "Dunmore police said they had gone to Harlow to [investigate] the two men.",
    "planned",
)
#: Nouns whose infinitive is planned: "the plan to build a wall", "his pledge to ban".
PLANNED_NOUNS = ModalityCue(
    frozenset({"plan", "plans", "intention", "promise", "pledge", "vow", "commitment",
               "agreement", "deal", "scheme", "proposals"}),
    "Tom Keller defended his plan to [deport] the two men.",
    "planned",
    "Tom Keller defended his decision to [deport] the two men.",
    "asserted",
)
