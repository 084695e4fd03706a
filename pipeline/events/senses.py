"""The trigger sense table: one row per sense of a trigger word, read by generic code.

A row says which lemma (``pos`` "VERB" or "NOUN") is an event of which type, under which
conditions on its dependents, with an example sentence that yields the type and a
counter-example that does not (``tests/test_event_senses.py`` parses both with the real model).
Rows of one lemma are tried in order; the first whose conditions hold gives the type, and a lemma
none of whose rows holds is no trigger. Adding a sense (or, with a row of
``schemas.values.EVENT_TAXONOMY``, a type) is adding a row here.

Conditions (``requires``: all hold; ``any_of``: at least one holds; ``forbids``: none holds),
each ``name`` or ``name:ARG`` where ARG is a word list ``a|b`` or the name of a set of
:mod:`pipeline.events.lexicon`; ``&`` joins conditions that must hold together, and ``!name``
holds when ``name`` does not. A preposition whose object is a time ("on Monday") counts for no
``prep_in``. Their meaning is
in :data:`pipeline.events.triggers.PREDICATES`: on a verb ``object`` (a direct object or passive
subject), ``no_object``, ``object_in`` (the object's word, lemma or "of" noun), ``object_actor``
/ ``object_person`` / ``object_propn`` / ``object_org``, ``object_party`` (an actor or its
apposition), ``object_prep_in`` (a preposition under the object: "launched action against X"),
``object_modifier_in`` (the object's modifier: "legal action"), ``object_poss_actor``
("backed Harlow's plan"), ``object_held`` (an object a participle makes a detainee: "four men
held by the rebels"), ``party`` (an actor among the objects or under to/with/on), ``prep_in``
(a preposition, particle or adverb), ``prt_in``,
``xcomp``, ``xcomp_in``, ``infinitive`` (a verb's xcomp or a noun's infinitive),
``infinitive_clause`` (a that-clause under it: "refusing to concede that"), ``asked`` (a
refusal "when asked" or "despite calls"), ``complement_in`` (an xcomp/ccomp/advcl verb),
``with_actor``,
``two_objects``, ``destination_place``, ``from_place`` ("withdrew from Port Velden", not "from
the auction"), ``object_of_place`` ("seized control of the town"), ``prep_object_in`` (the
object of a preposition: "took X into custody"); on a noun ``modifier_in`` (compound/amod/nmod),
``modifier_or_of_in``, ``poss_person``, ``poss_actor`` (a pronoun or a name),
``against_actor`` (on/against a named actor),
``against_person`` (on/against a named person: "the attacks on Harlow" are words),
``verb_in`` (the verb a noun is the object of, directly or through a preposition: "opened
fire", "resorted to a lathicharge"); on either ``in_attack`` (an "in <X> firing/attack"
phrase: "died in police firing", whose modifier is the implied agent) and ``hyphen_prefix_in``
("baton-charged"), ``subject_sector_in`` (a subject's or passive agent's sector: "police are
looking into"), ``clause`` (a that-clause complement: "conceded that"), ``mark_in`` (the
mark of a clause under the verb: "called for the embargo to be lifted"), ``subject_in`` (a
subject's lemma: "laws that impose fines" state a rule), ``oprd_in`` (a predicative
complement: "burnt alive"), ``aux_in`` (an auxiliary: "when officers should use force" states
a rule, not an event), ``agentless`` (a passive naming no agent: "three persons were held"),
``object_acl_in`` (a participle after the object: "left ten persons injured"),
``head_noun_in`` (the noun the trigger hangs under: "a crash killing three"), ``acts`` (a
noun that is a subject, or that a gerund follows: "a few hundred protesters making their
way").
``agentive`` makes a noun that names who acts its own actor ("the protesters identified
themselves": PROTEST by the protesters). ``plural`` lets a plural noun be one event ("talks");
``counted`` lets a counted noun be events ("two more arrests were made");
``poss_patient`` makes a noun's possessor its target ("his arrest"); ``subject_patient`` makes
a verb's subject its target ("a youth died in police firing"); ``standalone`` lets the trigger
be an event with no participant named ("a curfew was imposed", "the arrests followed": a noun
then needs a definite article). ``trigger`` is the trigger's text: ``{verb}`` is the token,
``{particle}`` the word its ``prep_in`` condition found.

:data:`POLICE_REPORTS` lists the constructions of police and riot reports (arrests, killings,
force) with the type and the acting or implied sector each must yield, and a counter-example.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Sense:
    """One trigger sense (see the module docstring)."""

    lemma: str
    pos: str
    event_type: str
    example: str
    counter: str
    requires: tuple[str, ...] = ()
    any_of: tuple[str, ...] = ()
    forbids: tuple[str, ...] = ()
    trigger: str = "{verb}"
    plural: bool = False
    also: tuple[str, ...] = ()  # other lemmas the model gives the word ("fin" for "fined")
    #: a noun whose possessor undergoes it unless an "of" names who does ("his arrest" vs
    #: "Turkey's arrest of the journalist")
    poss_patient: bool = False
    mode: str = ""  # the PLOVER mode, where PLOVER names one
    subject_patient: bool = False  # "a youth died": the subject undergoes the event
    standalone: bool = False  # "a curfew was imposed": an event without participants
    agentive: bool = False  # "the protesters marched": the noun names who acts
    #: one named side makes a CONSULT ("negotiated the return of the detainees": the
    #: counterpart is implied)
    one_side: bool = False
    #: a counted noun still reports acts that happened ("two more arrests were made", "15
    #: arrests"), where "seven trips" counts a kind
    counted: bool = False


def V(lemma: str, event_type: str, example: str, counter: str, **kw) -> Sense:
    """A verb sense row."""
    return Sense(lemma, "VERB", event_type, example, counter, **kw)


def N(lemma: str, event_type: str, example: str, counter: str, **kw) -> Sense:
    """A noun sense row."""
    return Sense(lemma, "NOUN", event_type, example, counter, **kw)


# Conditions shared by several rows.
_SUPPORTED = ("object_actor", "object_in:POLICY_OBJECTS", "object_poss_actor")
_NOT_A_FORECAST = ("complement_in:CONTEST_VERBS",)  # "backed England to win"
_WITH_PARTY = ("no_object", "party")  # blaming the weather, supplying software: no event

SENSES: tuple[Sense, ...] = (
    # --- CONSULT
    # a candidate meeting voters or a minister reporters holds no talks (the gold's CONSULT)
    # "met as students at Dundee University": two people got to know each other, no talks
    V("meet", "CONSULT", "Angela Merkel met Emmanuel Macron in Berlin.",
      "Mara Quill and Tom Arden met as students at Port Velden University.",
      any_of=("no_object", "object_party"),
      forbids=("object_in:AUDIENCES", "prep_object_in:AUDIENCES", "prep_in:as"), mode="meet"),
    V("host", "CONSULT", "Angela Merkel hosted Emmanuel Macron in Berlin.",
      "Angela Merkel hosted a dinner in Berlin.",
      any_of=("object_actor", "object_in:talks|summit|meeting"), mode="meet"),
    # "speaking on condition of anonymity to discuss X": the reporter's formula, no talks
    V("discuss", "CONSULT", "Angela Merkel discussed trade with Emmanuel Macron.",
      "An official spoke on condition of anonymity to discuss the talks.",
      forbids=("head_in:anonymity|authorize|authorized|permission",
               "head_prep_object_in:anonymity|condition")),

    # CAMEO 045 engage in mediation (PLOVER CONSULT): "broker a peace deal between X and Y"
    V("broker", "CONSULT", "Tom Arden brokered a peace deal between Harlow and Dunmore.",
      "Tom Arden brokered the sale of his house.", requires=("object_in:AGREEMENT_OBJECTS",),
      one_side=True, mode="mediate"),
    # a negotiation has a counterpart, named or not: "had been negotiating the return of the
    # hostages" (CAMEO 046)
    V("negotiate", "CONSULT", "The government had been negotiating the return of the hostages.",
      "Joe Biden negotiated the stairs.",
      any_of=("object_in:NEGOTIATED", "object_party", "no_object"), one_side=True,
      mode="negotiate"),
    V("consult", "CONSULT", "Boris Johnson consulted Angela Merkel on Tuesday.",
      "Boris Johnson consulted his notes."),
    V("confer", "CONSULT", "Boris Johnson conferred with Angela Merkel.",
      "The university conferred an honour."),
    V("greet", "CONSULT", "Emmanuel Macron greeted Angela Merkel at the Elysee.",
      "Mara Quill greeted voters inside a polling station in Port Velden.",
      forbids=("object_in:AUDIENCES",)),
    # welcoming a decision or a step is praising it (CAMEO 051); a crowd, a baby or one's own
    # extradition welcomed is none
    V("welcome", "SUPPORT", "Angela Merkel welcomed the agreement.",
      "Mara Quill welcomed the crowd in Port Velden.",
      any_of=("object_in:POLICY_OBJECTS|WELCOMED", "object_poss_actor"),
      forbids=("object_person",)),
    # hosting a named visitor (CAMEO 043 host a visit)
    V("welcome", "CONSULT", "Angela Merkel welcomed Emmanuel Macron to Berlin.",
      "Mara Quill welcomed the crowd in Port Velden.", any_of=("object_person", "object_actor"),
      mode="host"),
    # --- AGREE, SIGN
    V("agree", "AGREE", "Microsoft agreed a deal with Google.",
      "Angela Merkel agreed that the plan was good.",
      any_of=("object_in:AGREED_OBJECTS", "prep_in:to|on|upon", "xcomp",
              "with_actor & prep_in:on|over"),  # "agrees with Dean": an opinion
      # "agreed with Mara Quill on the issue": sharing a view (the gold's counter-example)
      forbids=("with_actor & prep_object_in:VIEWS",)),
    V("sign", "AGREE", "Russia and Ukraine signed a peace agreement in Minsk.",
      "Joe Biden signed the visitors' book.",
      any_of=("object_in:AGREEMENT_OBJECTS", "prep_in:for|with|up", "object_person",
              "object_propn"),
      # "five million viewers signed up for the service": a subscription; "sign up more
      # donors": recruiting
      forbids=("prt_in:up & !party & !object", "prt_in:up & object_in:CIVIC_GROUPS")),
    V("sign", "SIGN", "Joe Biden signed the visitors' book.",
      "Tom Arden will be able to sign up more major donors.", requires=("object",),
      forbids=("prt_in:up",)),  # signing people up enrols them
    V("reach", "AGREE", "Google reached an agreement with Microsoft on Tuesday.",
      "Google reached the summit.", requires=("object_in:AGREEMENT_OBJECTS",)),
    V("ratify", "AGREE", "France ratified the treaty on Tuesday.", "The treaty was ratified."),
    # --- SUPPORT
    V("support", "SUPPORT", "Angela Merkel supported the plan.",
      "Angela Merkel supported the weight of the roof.", any_of=_SUPPORTED,
      forbids=_NOT_A_FORECAST),
    V("back", "SUPPORT", "Boris Johnson backed Theresa May.",
      "Boris Johnson backed England to win.", any_of=_SUPPORTED, forbids=_NOT_A_FORECAST),
    V("endorse", "SUPPORT", "Maria Lindqvist endorsed John Harlow on Tuesday.",
      "Maria Lindqvist endorsed the cheque.", any_of=_SUPPORTED, forbids=_NOT_A_FORECAST),
    V("advocate", "SUPPORT", "Tom Arden advocated for the free trade agreement.",
      "Tom Arden advocated for hours.", any_of=(*_SUPPORTED, "prep_object_in:POLICY_OBJECTS"),
      forbids=_NOT_A_FORECAST),
    V("praise", "SUPPORT", "Joe Biden praised Angela Merkel.", "Joe Biden praised the weather.",
      any_of=_SUPPORTED, forbids=_NOT_A_FORECAST),
    V("champion", "SUPPORT", "Tom Arden championed the free trade agreement.",
      "Tom Arden championed.", requires=("object",), forbids=_NOT_A_FORECAST),
    V("congratulate", "SUPPORT", "Peter Halvorsen congratulated David Okafor on his victory.",
      "The winners were congratulated.", forbids=_NOT_A_FORECAST),
    # --- COOPERATE
    V("cooperate", "COOPERATE", "France cooperated with Germany on security.",
      "The witnesses cooperated."),
    V("collaborate", "COOPERATE", "Google collaborated with Microsoft on the project.",
      "The two students collaborated."),
    V("team", "COOPERATE", "France teamed up with Germany against Russia.",
      "Google teamed up the two engineers.", requires=("prt_in:up", "prep_in:with|against"),
      trigger="{verb} up"),
    V("partner", "COOPERATE", "France partnered with Germany on the project.",
      "Google partnered.", requires=("prep_in:with",)),
    # CAMEO 06 (PLOVER COOPERATE): enlisting a partner's material help
    V("enlist", "COOPERATE", "The United States enlisted Britain to fight the rebels.",
      "Tom Arden enlisted in the army.", requires=("object_actor",)),
    V("ally", "COOPERATE", "France allied with Britain against Germany.",
      "The two students allied."),
    # --- AID
    V("aid", "AID", "The United States aided Ukraine.", "The drug aided recovery."),
    V("assist", "AID", "France assisted Mali in the fight.", "The nurse assisted."),
    V("supply", "AID", "Russia supplied Syria with weapons.", "Microsoft supplied software.",
      any_of=_WITH_PARTY),
    V("donate", "AID", "Bill Gates donated money to Kenya.", "The money was donated."),
    # money given or pledged to a party or a cause (CAMEO 071 provide economic aid): "the
    # foundation gave $50,000"
    V("give", "AID", "The Venter foundation gave $50,000 to the Dunmore hospital.",
      "The Venter foundation gave a warning to the Dunmore hospital.",
      requires=("object_money",)),
    V("pledge", "AID", "Britain pledged $4m to the Dunmore relief fund.",
      "Britain pledged to act.", requires=("object_money",)),
    V("help", "AID", "France helped Mali.", "France helped to build the bridge.",
      requires=("object_actor",)),
    # --- CONCEDE
    # "concedes that ...": an admission in speech (a statement), no event
    V("concede", "CONCEDE", "Anna Kowalczyk conceded to David Okafor.",
      "Anna Kowalczyk conceded that the plan had failed.", forbids=("clause",)),
    V("apologise", "CONCEDE", "Boris Johnson apologised to Theresa May.",
      "The driver apologised."),
    V("apologize", "CONCEDE", "David Okafor apologized to Laura Brennan.",
      "The driver apologized."),
    V("back", "CONCEDE", "The government of Harlow backed down over the fuel tax.",
      "The car backed down the lane.", requires=("prt_in:down",),
      forbids=("prep_object_in:lane|road|street|drive|hill|driveway",), trigger="{verb} down"),
    # CAMEO 081 ease administrative sanctions (the gold's "dropping a case")
    # lifting a ban, an embargo or sanctions eases a restriction (CAMEO 081/085; the gold's
    # CONCEDE): "called for the embargo to be lifted" names no one who lifts it
    V("lift", "CONCEDE", "Harlow lifted the embargo on Dunmore in May.",
      "Mara Quill lifted the trophy in Dunmore.", requires=("object_in:IMPOSED",),
      standalone=True),
    # backing down on a policy (PLOVER CONCEDE); walkers retracing their steps are none
    V("backtrack", "CONCEDE", "The Velden government backtracked on the extradition law.",
      "The hikers backtracked to the car park in Port Velden.",
      requires=("prep_in:on|over",)),
    V("drop", "CONCEDE", "Sweden dropped the charges against Tom Arden.",
      "Tom Arden dropped the ball.", requires=("object_in:DROPPED_CASES",)),
    # --- RETREAT
    # CAMEO 0841 return, release person(s) is PLOVER RETREAT, mode release (material yielding;
    # CONCEDE is CAMEO 081-083, the verbal and administrative concessions): a hostage or a
    # prisoner released, freed or returned; "released from prison" with no agent too
    # a record, a film or figures released are no prisoners freed (an album named after a
    # person is still a work)
    V("release", "RETREAT", "Iran released John Smith on Tuesday.",
      "Velden Records released Mara Quill's new album on Friday.",
      any_of=("object_person", "object_in:PERSON_NOUNS|DETAINEES", "prep_object_in:JAILS"),
      forbids=("object_in:RELEASED_WORKS",), mode="release"),
    V("free", "RETREAT", "The rebels freed four detainees on Tuesday.",
      "The reform freed up money for schools.",
      any_of=("object_person", "object_in:PERSON_NOUNS|DETAINEES", "prep_object_in:JAILS"),
      forbids=("prt_in:up",), mode="release"),
    V("return", "RETREAT", "Four Britons held by the United States will be returned to Britain.",
      "Joe Biden returned the book to the library.",
      any_of=("object_in:DETAINEES", "object_held"), mode="release"),
    # a candidate withdrawing from a race is a personnel change (the gold's PERSONNEL)
    V("withdraw", "PERSONNEL", "Tom Arden withdrew from the race for governor.",
      "Russia withdrew its troops from Syria.", requires=("prep_object_in:RACES",)),
    # withdrawing from a place (not from an auction, a bid or a deal: no yielding of ground)
    V("withdraw", "RETREAT", "Russia withdrew its troops from Syria.",
      "The Velden gas firm withdrew from the auction.",
      any_of=("object_in:WITHDRAWN", "no_object & from_place"), mode="withdraw"),
    V("retreat", "RETREAT", "Russia retreated from Kherson.", "The water retreated."),
    # --- ACCUSE
    V("accuse", "ACCUSE", "Joe Biden accused Peter Halvorsen of lying.",
      "The accused man left."),
    V("blame", "ACCUSE", "Boris Johnson blamed Brussels for the delay.",
      "Boris Johnson blamed the weather.", any_of=_WITH_PARTY),
    V("call", "ACCUSE", "Laura Brennan called out Anna Kowalczyk on Tuesday.",
      "Laura Brennan called Anna Kowalczyk on Tuesday.", requires=("prt_in:out",),
      trigger="{verb} out"),
    V("criticise", "ACCUSE", "Boris Johnson criticised Theresa May.",
      "The plan was criticised."),
    V("criticize", "ACCUSE", "David Okafor criticized Anna Kowalczyk.",
      "The plan was criticized."),
    V("condemn", "ACCUSE", "France condemned Russia.", "The attack was condemned."),
    V("denounce", "ACCUSE", "Germany denounced Russia.", "The move was denounced."),
    V("charge", "ACCUSE", "France charged Tom Arden with fraud.",
      "Tesla charged the battery.",
      any_of=("object_person", "object_actor", "object_in:PATIENT_PRONOUNS",
              "object_in:PERSON_NOUNS & prep_in:with|under"),
      forbids=("hyphen_prefix_in:CHARGE_PREFIXES", "object_money")),
    # an FIR: the police's charge (CAMEO 173 charge with legal action; the gold's ACCUSE for
    # charges)
    V("register", "ACCUSE", "Eastport police registered a case against the mill owner.",
      "The company registered a new trademark.", requires=("object_in:CASES",),
      standalone=True),
    # CAMEO 111 criticize or denounce (PLOVER ACCUSE, disapprove): the verbs of a press report
    V("assail", "ACCUSE", "Tom Arden assailed Anna Kowalczyk for outsourcing jobs.",
      "Doubts assailed the team.", any_of=("object_actor", "object_poss_actor", "no_object")),
    V("lambast", "ACCUSE", "Tom Arden lambasted Anna Kowalczyk over the budget.",
      "Nobody lambasted anything.", any_of=("object_actor", "object_poss_actor")),
    V("slam", "ACCUSE", "Tom Arden slammed Anna Kowalczyk over the budget.",
      "Tom Arden slammed the door.", any_of=("object_actor", "object_poss_actor"),
      forbids=("prt_in:into|down|shut",)),
    V("rebuke", "ACCUSE", "The court rebuked Anna Kowalczyk for the delay.",
      "Nobody rebuked anything.", any_of=("object_actor", "object_poss_actor")),
    V("berate", "ACCUSE", "Tom Arden berated Anna Kowalczyk in public.",
      "Nobody berated anything.", any_of=("object_actor", "object_poss_actor")),
    V("castigate", "ACCUSE", "Tom Arden castigated Anna Kowalczyk for the delay.",
      "Nobody castigated anything.", any_of=("object_actor", "object_poss_actor")),
    # a war of words (the gold's ACCUSE); crowds or forces clashing fight, no words
    V("clash", "ACCUSE", "Tom Arden clashed with Anna Kowalczyk over the budget.",
      "Rioters clashed with the police in Dunmore.", any_of=("with_actor", "prep_in:over"),
      forbids=("prep_object_in:CROWDS|FORCES", "subject_in:CROWDS|FORCES")),
    # seeking damages from a party is suing it (PLOVER ACCUSE, CAMEO 115 bring lawsuit)
    V("seek", "ACCUSE", "Microsoft is seeking damages from the Venter Group.",
      "Microsoft is seeking a buyer for the unit.",
      any_of=("object_in:DAMAGES", "prep_object_in:DAMAGES")),
    # PLOVER ACCUSE: charge judicially (CAMEO 173/115): "should be prosecuted"
    V("prosecute", "ACCUSE", "Dunmore prosecuted Tom Arden for fraud.",
      "Tom Arden prosecuted the war with vigour.",
      any_of=("object_person", "object_actor", "object_in:PATIENT_PRONOUNS|PERSON_NOUNS")),
    V("indict", "ACCUSE", "The prosecutor indicted Tom Arden.",
      "The book indicted the system."),
    V("sue", "ACCUSE", "David Okafor sued the New York Times.", "Nobody sued."),
    # --- INVESTIGATE
    # a company looking into a fault investigates no one (the gold's counter-example)
    V("investigate", "INVESTIGATE", "The FBI investigated Anna Kowalczyk.",
      "Port Velden Mail is investigating a problem with the delivery route.",
      forbids=("object_in:FAULTS",)),
    V("subpoena", "INVESTIGATE", "The FBI subpoenaed the records.",
      "Nobody subpoenaed anything."),
    V("probe", "INVESTIGATE", "The FBI probed Anna Kowalczyk.", "The doctor probed the wound."),
    V("look", "INVESTIGATE", "Eastport police are looking into the death of the driver.",
      "Anna Kowalczyk looked into the mirror.",
      requires=("prep_in:into", "subject_sector_in:police|judiciary|legislature|government"),
      trigger="{verb} into"),
    # --- DEMAND
    V("demand", "DEMAND", "Ukraine demanded the return of Crimea.",
      "The job demanded patience."),
    # advice to the public ("urged people to be cautious") asks no actor for anything (the
    # gold guide): PLOVER DEMAND is a demand made of an actor
    V("urge", "DEMAND", "Tom Arden urged the council to act.",
      "The doctors urged people to be cautious.", forbids=("object_in:PUBLIC",)),
    V("lobby", "DEMAND", "Tom Arden lobbied for the council to ban smoking in Dunmore.",
      "Tom Arden lobbied hard.", any_of=("prep_in:for|against", "mark_in:for")),
    # "called to reject Arden": a call for an act of others (CALLED_ACTS), not a phone call
    V("call", "DEMAND", "Angela Merkel called for the embargo to be lifted.",
      "Angela Merkel called time on her career.",
      any_of=("prep_in:for|on", "mark_in:for", "no_object & xcomp_in:CALLED_ACTS"),
      # "Texas was called for Mara Quill": a race called; "called on it by the media":
      # challenged, no demand
      forbids=("object_in:time", "prt_in:out", "object_propn & prep_in:for",
               "object & prep_object_in:it|that|this")),
    # a request to an actor (the gold's DEMAND: "a lawyer asked for the investigation to be
    # resumed", "asked the council to act"); asking for comment, about or whether is none
    V("ask", "DEMAND", "Tom Arden asked for the inquiry to be resumed.",
      "Tom Arden asked for comment on the budget.",
      any_of=("prep_in:for", "mark_in:for", "object_actor & xcomp"),
      forbids=("prep_object_in:COMMENTS", "object_in:COMMENTS")),
    # "pushing senators to reject", "pressed X to act": urging an actor (the gold's DEMAND)
    # ... or pressing for an action: "pressed for the United States to carry out airstrikes",
    # "pushing for reforms" (not "pushed for time")
    V("push", "DEMAND", "Tom Arden pushed the senators to reject the bill.",
      "Tom Arden pushed the door to open it.",
      any_of=("xcomp & object_actor", "prep_in:for", "mark_in:for"),
      forbids=("prep_object_in:time|space|room",)),
    V("press", "DEMAND", "Tom Arden pressed privately for Harlow to lift the embargo.",
      "Tom Arden pressed the button to open it.",
      any_of=("xcomp & object_actor", "prep_in:for", "mark_in:for"),
      forbids=("prep_object_in:time|space|room",)),
    # --- REJECT
    # rejecting a claim or an allegation is denying it: a statement (CAMEO 016), no event
    V("reject", "REJECT", "Britain rejected the offer from Brussels.",
      "David Okafor rejected the allegations.", forbids=("object_in:CLAIMS",)),
    V("vote", "REJECT", "Tom Arden voted against the bailout of the banks.",
      "Tom Arden voted in Dunmore.", requires=("prep_in:against",)),
    # refusing an act asked for (REFUSED_ACTS, or one refused despite calls or when asked) is
    # a REJECT; refusing to attack one's rivals, or to concede that X (a statement), is not:
    # only the refused act is reported, negated (modality)
    V("decline", "REJECT", "The United States declined the offer of aid from France.",
      "Harlow declined to comment.", any_of=("object_in:REQUESTS", "xcomp_in:REFUSED_ACTS",
                                             "xcomp_object_in:ANSWERED_REQUESTS"),
      forbids=("infinitive_clause",)),
    # refusing to answer a questionnaire or a subpoena rejects what was asked; refusing to
    # answer questions (reporters') declines comment
    V("refuse", "REJECT", "Tom Arden refused to endorse Mara Quill.",
      "Dana Roe is refusing to attack his rivals.",
      any_of=("!infinitive", "xcomp_in:REFUSED_ACTS", "asked",
              "xcomp_object_in:ANSWERED_REQUESTS"),
      forbids=("xcomp_in:COMMENT_VERBS & !xcomp_object_in:ANSWERED_REQUESTS",
               "infinitive_clause")),
    # "the resolution was vetoed" is a REJECT with no actor named (lexicon.THING_PASSIVES)
    V("veto", "REJECT", "Russia vetoed the resolution.",
      "The vetoed resolution returned to the floor."),
    # denying a request is REJECT (CAMEO 12); denying a claim or an allegation is a statement
    # (CAMEO 016 deny responsibility, under 01, which PLOVER drops), no event
    V("deny", "REJECT", "The court denied the request for bail.",
      "David Okafor denied the allegations.", requires=("object_in:REQUESTS",),
      forbids=("two_objects",)),
    # "opposed to Arden" states a stance (an adjective), no act of rejection
    V("oppose", "REJECT", "Germany opposed the plan.", "Several delegates were opposed to Harlow.",
      forbids=("prep_in:to",)),
    # --- THREATEN
    V("threaten", "THREATEN", "North Korea threatened Japan.",
      "The rain threatened the harvest."),
    # promising or vowing violence is a threat (CAMEO 138 threaten with military force):
    # "promising to bomb the hell out of them"
    V("promise", "THREATEN", "Tom Arden promised to bomb the rebels.",
      "Tom Arden promised to build a school.", requires=("xcomp_in:VIOLENT_VERBS",)),
    V("vow", "THREATEN", "Tom Arden vowed to crush the rebels.",
      "Tom Arden vowed to build a school.", requires=("xcomp_in:VIOLENT_VERBS",)),
    # "the threat of tariffs" (a threatened action: the gold's THREATEN); "a threat to
    # security" or "the threat from the Islamic State" is a risk
    # ... and a threat of violence by its kind (CAMEO 138 threaten with force): "received
    # death threats", "a bomb threat against the embassy"; "the terror threat level" is a risk
    N("threat", "THREATEN", "The threat of tariffs prompted Harlow to make concessions.",
      "The threat from the rebels has grown.", any_of=("prep_object_in:THREATENED_ACTIONS",
                                                       "poss_actor & prep_in:to",
                                                       "modifier_in:death|bomb|rape"),
      plural=True, standalone=True),
    V("warn", "THREATEN", "Joe Biden warned Peter Halvorsen against an invasion.",
      "Joe Biden warned that prices would rise.", requires=("object_actor",)),
    # --- PROTEST
    # "protested that ...", "demonstrated that ...": a statement, a proof (no protest)
    V("protest", "PROTEST", "Kurds protested outside the embassy.",
      "Tom Arden protested his innocence.", forbids=("object", "clause"),
      mode="demonstrate"),
    V("demonstrate", "PROTEST", "Kurds demonstrated in Berlin.",
      "Tom Arden has clearly demonstrated that he has the guts to win.",
      forbids=("object", "clause"), mode="demonstrate"),
    # marching through streets or on a place (CAMEO 141); troops marching is no protest
    V("march", "PROTEST", "Velden workers marched through the streets of Port Velden.",
      "Harlow troops marched through the streets of Port Velden.",
      any_of=("prep_in:through|down|on|against|to|into", "prep_in:in & !prep_object_in:PARADES"),
      forbids=("subject_in:FORCES|troop|soldier|band", "prep_object_in:PARADES"),
      mode="demonstrate"),
    V("picket", "PROTEST", "The GMB union picketed the Venter Group factory.",
      "The picketed fence was white.", mode="demonstrate"),
    V("boycott", "PROTEST", "The United States boycotted the summit.",
      "The summit was boycotted.", mode="boycott"),
    # --- MOBILIZE
    V("mobilise", "MOBILIZE", "Russia mobilised its reservists.",
      "Labour mobilised its voters.", forbids=("object_in:CIVIC_GROUPS",)),
    V("mobilize", "MOBILIZE", "Russia mobilized its army.",
      "Anna Kowalczyk mobilized black voters.", forbids=("object_in:CIVIC_GROUPS",)),
    # deploying staff, surrogates or technology is no show of force (the gold guide)
    V("deploy", "MOBILIZE", "Britain deployed troops to Estonia.",
      "Tom Arden deployed paid staff to eleven states.",
      forbids=("object_in:CIVIC_GROUPS|DEPLOYED_CIVILIANS",)),
    # CAMEO 154/153 (PLOVER MOBILIZE, troops / police): forces called in, police patrols
    V("call", "MOBILIZE", "The army was called in to restore order in Eastport.",
      "The plumber was called in to fix the leak.", requires=("prt_in:in", "object_in:FORCES"),
      trigger="{verb} in", mode="troops"),
    # ramping or stepping up military efforts (the gold's MOBILIZE, CAMEO 154)
    V("ramp", "MOBILIZE", "Harlow will ramp up its military efforts in Dunmore.",
      "Harlow will ramp up its spending in Dunmore.", requires=("prt_in:up",),
      any_of=("object_modifier_in:military|naval|security|troop", "object_in:FORCES"),
      trigger="{verb} up", mode="troops"),
    V("patrol", "MOBILIZE", "Police patrolled the streets of Eastport all night.",
      "The patrolled streets were quiet.", any_of=("object", "prep_in:in|through|around"),
      mode="police"),
    # --- SANCTION
    # CAMEO 164 halt negotiations, 161 reduce relations (PLOVER SANCTION, withdraw)
    V("pull", "SANCTION", "Britain pulled out of the treaty with Iran.",
      "Britain pulled out of the parking space.", requires=("prep_in:out",
                                                            "prep_object_in:LEFT_AGREEMENTS"),
      trigger="{verb} out", mode="withdraw"),
    # stripping a party of a status, a title or a right (PLOVER SANCTION: "Quito stripped him
    # of his refugee status")
    V("strip", "SANCTION", "Harlow stripped Tom Arden of his citizenship.",
      "Tom Arden stripped the paint from the door.", requires=("prep_in:of",),
      any_of=("object_person", "object_actor", "object_in:PERSON_NOUNS|PATIENT_PRONOUNS")),
    # a ban or a fine issued or enforced is one imposed (not "issued a statement"; enforcing
    # campaign-finance "restrictions" is applying a rule)
    V("issue", "SANCTION", "Indian officials issued edicts against burning rubbish.",
      "Indian officials issued a statement on burning rubbish.",
      requires=("object_in:IMPOSED|edict|edicts",)),
    V("enforce", "SANCTION", "The Dunmore council enforced the ban on fireworks.",
      "The Dunmore council enforced the speed limit.",
      requires=("object_in:ban|bans|embargo|sanction|sanctions|curfew|blockade",)),
    V("sanction", "SANCTION", "The United States sanctioned Russia.",
      "The plan was sanctioned."),
    V("ban", "SANCTION", "France banned the burqa.", "Smoking was banned."),
    V("fine", "SANCTION", "France fined Google on Tuesday.", "The weather was fine.",
      also=("fin",)),
    V("expel", "SANCTION", "Britain expelled Russian diplomats.", "Expelled pupils returned."),
    # a candidate suspending a campaign withdraws from the race (the gold's PERSONNEL)
    V("suspend", "PERSONNEL", "Mara Quill suspended her campaign for governor on Tuesday.",
      "The league suspended Mara Quill for two games.", requires=("object_in:CAMPAIGNS",)),
    V("suspend", "SANCTION", "Microsoft suspended David Okafor.",
      "Microsoft suspended its plans.",
      any_of=("object_actor", "object_in:PERSON_NOUNS|STAFF|SUSPENDED")),
    # CAMEO 1723/1724 (PLOVER COERCE, curfew / martial law) before the sanctions' row
    V("impose", "COERCE", "A curfew was imposed in Eastport after the clashes.",
      "The United States imposed sanctions on Russia.", requires=("object_in:CURFEWS",),
      mode="curfew", standalone=True),
    V("clamp", "COERCE", "The police clamped a curfew on the old city of Eastport.",
      "The carpenter clamped the boards.", requires=("object_in:CURFEWS",), mode="curfew",
      standalone=True),
    V("impose", "SANCTION", "A ban was imposed on the Dunmore club.",
      "Dunmore has laws that impose fines for littering.", requires=("object_in:IMPOSED",),
      forbids=("subject_in:RULES",), standalone=True),
    # --- COERCE
    V("arrest", "COERCE", "Turkey arrested the journalist in Istanbul.",
      "The government could not arrest the decline.", forbids=("object_in:DECLINES",),
      mode="arrest"),
    V("detain", "COERCE", "China detained two Canadians.", "Bad weather detained the flight.",
      mode="arrest"),
    V("deport", "COERCE", "Britain deported the man to Jamaica.", "Deported migrants returned."),
    # control of a place seized is occupying territory (CAMEO 192, PLOVER COERCE); control of
    # a party or a debate is a metaphor
    V("seize", "COERCE", "Russia seized Crimea.", "Tom Arden is seizing control of the party.",
      forbids=("object_in:SEIZED_CHANCES", "prep_in:on|upon",
               "object_in:control & !object_of_place"), mode="seize"),
    V("jail", "COERCE", "Russia jailed Alexei Navalny.", "The jail was full.",
      mode="arrest"),
    V("imprison", "COERCE", "Iran imprisoned the journalist.", "Fear imprisoned the town.",
      mode="arrest"),
    V("raid", "COERCE", "The FBI raided the office of Michael Cohen.",
      "The office was raided."),
    V("book", "COERCE", "Eastport police booked 200 people under the Arms Act.",
      "David Okafor booked a hotel.",
      any_of=("object_person", "object_actor", "object_in:PERSON_NOUNS"),
      forbids=("object_in:BOOKED_THINGS",), mode="arrest"),
    V("remand", "COERCE", "A Delhi court remanded Rahul Gandhi in custody.",
      "Nobody remanded anything.", mode="arrest"),
    V("apprehend", "COERCE", "Transit officers apprehended a suspect in Eastport.",
      "Nobody apprehended anything.", mode="arrest"),
    # police pick up or hold people; so does whoever a report naming nobody leaves unnamed
    # ("three youths were picked up", "three persons were held in connection with X"), not
    # one held responsible, hostage or up
    V("pick", "COERCE", "Eastport police picked up three men from the market.",
      "Anna Kowalczyk picked up the phone.", requires=("prt_in:up",),
      any_of=("subject_sector_in:police|military", "agentless & object_in:PERSON_NOUNS"),
      forbids=("prep_object_in:school|airport|hotel|station",), trigger="{verb} up",
      mode="arrest"),
    V("hold", "COERCE", "Three persons were held in connection with the murder in Eastport.",
      "Eastport police held a meeting with the traders.",
      any_of=("subject_sector_in:police & object_person",
              "subject_sector_in:police & object_in:PERSON_NOUNS",
              "agentless & object_in:PERSON_NOUNS|DETAINEES"),
      # held to a standard or to account, hostages held (an abduction): no custody
      forbids=("oprd_in:HELD_STATES", "prt_in:up|back|off|out|on", "prep_in:to",
               "object_in:HELD_STATES"), mode="arrest"),
    # caught by the police, or caught in a report naming nobody ("the accused was caught");
    # not caught in the rain or the crossfire, nor a cold caught
    V("catch", "COERCE", "The accused was caught at the Eastport bus stand.",
      "Two boys were caught in the crossfire in Eastport.",
      any_of=("subject_sector_in:police|military", "agentless & object_in:PERSON_NOUNS"),
      forbids=("prep_object_in:CAUGHT_IN", "oprd_in:HELD_STATES", "prt_in:up|on"),
      mode="arrest"),
    V("nab", "COERCE", "Delhi police nabbed Rahul Gandhi.", "The thief nabbed a purse.",
      any_of=("object_person", "object_actor", "object_in:PERSON_NOUNS"), mode="arrest"),
    V("round", "COERCE", "Turkey rounded up hundreds of officers.",
      "Turkey rounded off the deal.", requires=("prt_in:up",), trigger="{verb} up",
      mode="arrest"),
    V("take", "COERCE", "Delhi police took Rahul Gandhi into custody.",
      "Google took over Motorola.", requires=("prep_object_in:JAILS",),
      trigger="{verb} into custody", mode="arrest"),
    V("lodge", "COERCE", "The Eastport police lodged him in jail on Monday.",
      "Tom Arden lodged a complaint with the police.", requires=("prep_object_in:JAILS",),
      mode="arrest"),
    V("transport", "COERCE", "Officers transported Tom Arden to jail.",
      "Officers transported the boxes to Dunmore.", requires=("prep_object_in:JAILS",),
      mode="arrest"),
    V("send", "COERCE", "The court sent Tom Arden to prison for six years.",
      "Tom Arden sent a letter to Dunmore.", requires=("prep_object_in:JAILS",),
      any_of=("object_person", "object_actor", "object_in:PERSON_NOUNS", "no_object")),
    V("crack", "COERCE", "Dunmore police cracked down on the protesters.",
      "The ice cracked down the middle.", requires=("prt_in:down", "prep_in:on"),
      trigger="{verb} down"),
    V("sentence", "COERCE", "A Moscow court sentenced Alexei Navalny to prison.",
      "The judge sentenced.",
      any_of=("object_person", "object_actor", "object_in:PATIENT_PRONOUNS|PERSON_NOUNS")),
    # "landed in prison": the subject is jailed
    V("land", "COERCE", "Tom Arden's business partner landed in prison for fraud.",
      "Tom Arden's plane landed in Dunmore.", requires=("prep_object_in:JAILS",),
      subject_patient=True, mode="arrest"),
    # police conventions of the gold (a traffic stop, a forcible entry, breaking up a
    # gathering, wresting someone away: COERCE)
    V("stop", "COERCE", "Dunmore officers stopped a vehicle driven by Tom Arden.",
      "Tom Arden stopped the car at the lights.",
      requires=("subject_sector_in:police", "object_in:STOPPED")),
    V("ram", "COERCE", "Heavily armed officers rammed the door of the flat.",
      "The lorry rammed the door of the flat.",
      requires=("subject_sector_in:police|military", "object_in:door|doors|gate|gates")),
    V("wrest", "COERCE", "Police wrested him from the protest in Dunmore.",
      "Tom Arden wrested control of the company.",
      requires=("subject_sector_in:police|military",)),
    V("break", "COERCE", "The police broke up the hunt in Dunmore.",
      "The band broke up in Dunmore.",
      requires=("prt_in:up", "subject_sector_in:police|military", "object"),
      trigger="{verb} up"),
    # --- ASSAULT (a verbal "attack" by a person or party is retyped ACCUSE by its actors)
    # attacking a policy, a claim or a record is criticising it (PLOVER ACCUSE, disapprove)
    # ... or attacking someone for what they did ("attack each other for not doing enough")
    V("attack", "ACCUSE", "The airlines have attacked the legislation.",
      "Rebels attacked the convoy near Dunmore.",
      any_of=("object_in:CRITICISED_THINGS", "object_in:CLAIMS", "prep_pcomp_in:for",
              "prep_in:as")),  # "attack Quill as a job killer": a label
    V("attack", "ASSAULT", "Russia attacked Ukraine.", "The dog attacked the postman."),
    V("assault", "ASSAULT", "The police assaulted the demonstrators in Eastport.",
      "The smell assaulted the senses."),
    V("bomb", "ASSAULT", "The United States bombed Syria.", "The film bombed.",
      mode="aerial"),
    V("invade", "ASSAULT", "Russia invaded Ukraine.", "Fans invaded the pitch."),
    # a disaster or an accident that kills is no attack (PLOVER: disaster is a context, not
    # an event with a recipient): "after an earthquake struck", "giant waves killed"
    V("kill", "ASSAULT", "Two people were killed in Gaza.",
      "An earthquake and giant waves killed 300 people in Gaza.",
      # "killed in the firing" (a gerund whose lemma is "fire") is no disaster
      forbids=("prep_object_in:DISASTERS & !in_attack", "clause_subject_in:DISASTERS",
               "subject_in:DISASTERS", "head_noun_in:DISASTERS",
               "object_in:KILLED_THINGS")),  # "killed the bill", "killing journalism"
    # a death in firing, an attack or clashes is a killing (PLOVER ASSAULT); a death of illness,
    # age or in an accident is none
    V("die", "ASSAULT", "A youth died in police firing in Eastport.",
      "A youth died in an accident in Eastport.", requires=("in_attack",),
      subject_patient=True),
    # "fell to police bullets", "succumbed to bullet injuries", "succumbed to his injuries
    # after the police firing": a death by violence (not to cancer, nor a town to rebels)
    V("fall", "ASSAULT", "Three persons fell to police bullets in Eastport.",
      "The town fell to the rebels in Eastport.", requires=("in_attack", "prep_in:to"),
      subject_patient=True, mode="firearms"),
    V("succumb", "ASSAULT", "A student succumbed to his injuries after the police firing.",
      "The old man succumbed to cancer in Eastport.", requires=("in_attack",),
      subject_patient=True),
    # police force on a crowd: CAMEO 175 violent repression, 182 physical assault (PLOVER
    # ASSAULT, mode beat); teargas and firing in the air are the same repression
    # killings of riots: "burnt alive", "hacked to death", "stabbed", "lynched"; stone-pelting
    # and arson (CAMEO 1712 destroy property: PLOVER ASSAULT, mode destroy)
    V("burn", "ASSAULT", "Six persons were burnt alive in Eastport.",
      "The house burnt down in Eastport.", any_of=("oprd_in:alive", "prep_object_in:death")),
    V("hack", "ASSAULT", "Two men were hacked to death in Eastport.",
      "Two men hacked the server in Eastport.", requires=("prep_object_in:death",)),
    # beating a person (CAMEO 182 physical assault), not a rival in a contest: the object is
    # a person noun ("beating his wife"), not a name
    V("beat", "ASSAULT", "The mob beat two men to death in Eastport.",
      "Chelsea beat Arsenal in Eastport.",
      any_of=("prep_object_in:death", "object_in:PERSON_NOUNS"),
      forbids=("object_propn",), mode="beat"),  # "beating the Beastie Boys": a contest
    V("grab", "ASSAULT", "Tom Arden grabbed a reporter by the arm in Dunmore.",
      "Tom Arden grabbed a coffee in Dunmore.", requires=("prep_object_in:BODY_PARTS",),
      mode="beat"),
    # "an incident that left one person dead" (not a crash or a storm: DISASTERS); the dead
    # are a killing's victims whether or not the sentence names who killed them
    V("leave", "ASSAULT", "The shooting left one person dead in Dunmore.",
      "The crash left one person dead in Dunmore.",
      any_of=("oprd_in:dead|injured|wounded", "object_acl_in:injure|wound"),
      forbids=("subject_in:DISASTERS", "head_noun_in:DISASTERS"), standalone=True),
    V("wound", "ASSAULT", "Two soldiers were wounded in a bomb attack in Dunmore.",
      "Tom Arden's pride was wounded.", any_of=("in_attack", "object_person",
                                                "object_in:PERSON_NOUNS|FORCES|PATIENT_PRONOUNS"),
      forbids=("object_in:pride|feelings|ego",)),
    V("punch", "ASSAULT", "Tom Arden punched a man in Dunmore.",
      "Tom Arden punched the air.", any_of=("object_person", "object_actor",
                                             "object_in:PERSON_NOUNS"), mode="beat"),
    V("gun", "ASSAULT", "The police gunned down two militants in Eastport.",
      "Tom Arden gunned the engine in Eastport.", requires=("prt_in:down",),
      trigger="{verb} down", mode="firearms"),
    V("stab", "ASSAULT", "The driver was stabbed in Eastport.", "Nobody stabbed anything."),
    V("lynch", "ASSAULT", "A mob lynched two men in Eastport.", "Nobody lynched anything."),
    V("pelt", "ASSAULT", "The mob pelted stones at the police in Eastport.",
      "It pelted with rain in Eastport."),
    V("torch", "ASSAULT", "Rioters torched ten shops in Eastport.",
      "The torched car was removed.", mode="destroy"),
    V("injure", "ASSAULT", "Five persons were injured in police firing in Eastport.",
      "Five persons were injured in a road accident in Eastport.", requires=("in_attack",)),
    # ... force used by police, or used "to disperse" in a report naming nobody ("water
    # cannons were used to disperse the protesters"; water used to douse a fire is none)
    V("use", "ASSAULT", "The police used force to disperse the mob in Eastport.",
      "The police used a computer to trace the caller.", requires=("object_in:FORCE_MEANS",),
      any_of=("subject_sector_in:police|military",
              "agentless & complement_in:DISPERSE_VERBS"), standalone=True,
      forbids=("aux_in:should|can|may|must|might|could|would",)),
    # "pepper-sprayed" (CAMEO 175 violent repression, PLOVER ASSAULT); a crop sprayed is none
    V("spray", "ASSAULT", "Officers pepper-sprayed the protesters outside the station.",
      "The farmers sprayed the crops in Port Velden.",
      requires=("hyphen_prefix_in:pepper|peppered",), mode="beat"),
    # "tear-gassed" (CAMEO 175 violent repression); a room gassed by an exterminator is none
    V("gas", "ASSAULT", "The police tear-gassed the protesters in Eastport.",
      "The exterminators gassed the Eastport warehouse.", requires=("hyphen_prefix_in:tear",),
      mode="beat"),
    V("lathicharge", "ASSAULT", "The police lathicharged the protesters in Eastport.",
      "Nobody lathicharged.", mode="beat"),
    V("charge", "ASSAULT", "The police baton-charged the protesters in Eastport.",
      "The police charged the protesters in Eastport with rioting.",
      requires=("hyphen_prefix_in:CHARGE_PREFIXES",), mode="beat"),
    V("cane", "ASSAULT", "The police caned the protesters in Eastport.",
      "The company canned the project.", any_of=("object_in:CROWDS", "object_in:PERSON_NOUNS"),
      also=("can",), mode="beat"),
    V("burst", "ASSAULT", "The police burst teargas shells in Eastport.",
      "The water pipe burst in Eastport.", requires=("object_in:TEARGAS",), standalone=True),
    V("lob", "ASSAULT", "Teargas shells were lobbed at the crowd in Eastport.",
      "The player lobbed the goalkeeper.", requires=("object_in:TEARGAS",), standalone=True),
    V("disperse", "ASSAULT", "The police dispersed the crowd using batons.",
      "The police dispersed the crowd.", requires=("object_in:CROWDS",),
      any_of=("complement_in:use|fire|lathicharge|burst", "prep_object_in:FORCE_MEANS"),
      mode="beat"),
    V("disperse", "COERCE", "The police dispersed the crowd in Eastport.",
      "The fog dispersed in Eastport.", requires=("object_in:CROWDS",)),
    V("shoot", "ASSAULT", "Iran shot down a Ukrainian airliner.",
      "The Velden couple went around to shoot video of the sign.",
      any_of=("object", "prep_in:at|on"),
      forbids=("object_in:ANIMALS", "prep_object_in:ANIMALS", "object_in:FILMED"),
      mode="firearms"),
    V("shell", "ASSAULT", "Russia shelled Kharkiv.", "The peas were shelled."),
    # --- LAUNCH, INITIATE
    # legal action launched, filed or brought against a party is a lawsuit (PLOVER ACCUSE,
    # CAMEO 115); a product or a plan launched is INITIATE
    V("launch", "ACCUSE", "Orange launched legal action against the Venter Group.",
      "Orange launched an action plan for its shops.", requires=("object_in:LAWSUITS",),
      any_of=("object_prep_in:against", "prep_in:against", "object_in:lawsuit|suit|litigation",
              "object_modifier_in:legal|libel|court")),
    V("file", "ACCUSE", "David Okafor filed a lawsuit against the Venter Group.",
      "David Okafor filed a report on the budget.",
      any_of=("object_in:lawsuit|lawsuits|suit|suits|proceedings|litigation|complaint|"
              "complaints|charge|charges|case|cases", "prep_in:against",
              "object_prep_in:against")),
    # "take the case to the European Court": a lawsuit pursued (CAMEO 115)
    V("take", "ACCUSE", "The Venter Group took its case to the European Court.",
      "The Venter Group took its case to the car.",
      requires=("object_in:case|cases|complaint|fight|challenge|dispute",
                "prep_object_in:court|courts|tribunal|justice")),
    V("bring", "ACCUSE", "Dunmore prosecutors brought charges against Tom Arden.",
      "Tom Arden brought a case of wine to the party.",
      requires=("object_in:LAWSUITS|charge|charges",),
      any_of=("object_prep_in:against", "prep_in:against", "object_in:charge|charges|lawsuit",
              "object_modifier_in:legal|libel|court")),
    V("launch", "LAUNCH", "North Korea launched a missile.", "Google launched a website.",
      requires=("object_in:PROJECTILES",)),
    V("launch", "INITIATE", "Google launched a new phone.", "North Korea launched a missile.",
      requires=("object_in:INITIATED",)),
    V("fire", "LAUNCH", "North Korea fired a missile into the sea.",
      "Russia fired shells at Paris.", requires=("object_in:PROJECTILES",)),
    V("fire", "ACCUSE", "Marco Diaz fired back at Tom Arden over the budget.",
      "Russia fired shells at Paris.", requires=("prep_in:back",), trigger="{verb} back"),
    # a person fired, not fired at, is dismissed ("fired Mara Quill on Tuesday": PERSONNEL)
    V("fire", "ASSAULT", "Russia fired shells at Paris.",
      "Tom Arden had been fired from his job at the bank.",
      # ... "the police firing": a gerund its force names (as compound or subject) fires
      any_of=("object_in:SHOTS", "prep_in:on|at", "prep_object_in:air", "verb_in:resort",
              "modifier_in:FIRING_FORCES", "no_object & subject_sector_in:police|military"),
      forbids=("prep_object_in:JOBS", "object_person & prep_in:from", "object_in:ANIMALS",
               "prep_object_in:ANIMALS", "object_person & !prep_in:on|at",
               "object_in:STAFF|PATIENT_PRONOUNS & !prep_in:on|at"), mode="firearms",
      standalone=True),
    V("fire", "PERSONNEL", "Some 100 employees were fired.", "David Okafor fired the engines.",
      any_of=("object_person", "object_in:STAFF|PATIENT_PRONOUNS")),
    V("test", "LAUNCH", "North Korea tested a missile.", "North Korea tested the water.",
      requires=("object_in:PROJECTILES",)),
    V("unveil", "INITIATE", "Apple unveiled the iPhone in California.",
      "The statue was unveiled."),
    # --- TRAVEL
    V("arrive", "TRAVEL", "Joe Biden arrived in Paris on Monday.", "Joe Biden arrived."),
    V("travel", "TRAVEL", "Joe Biden travelled to Paris.", "Joe Biden travelled widely."),
    V("fly", "TRAVEL", "Narendra Modi flew to Tokyo.", "Narendra Modi flew a kite.",
      any_of=("prep_in:home", "destination_place")),
    V("return", "TRAVEL", "Joe Biden returned to Washington.", "Joe Biden returned the book.",
      any_of=("prep_in:home", "destination_place")),
    V("depart", "TRAVEL", "Joe Biden departed for Tokyo.", "Joe Biden departed.",
      requires=("prep_in:from|for|to",)),
    V("cross", "TRAVEL", "Russia crossed into Ukraine.", "Joe Biden crossed the road.",
      requires=("prep_in:into|over",)),
    # --- VISIT
    V("visit", "VISIT", "Joe Biden visited Paris.", "Joe Biden visited the campaign's website.",
      forbids=("object_in:WEBSITES",), mode="visit"),
    # a singer's or a band's tour, playing venues, is a concert tour (the gold's
    # counter-example)
    # ... or a stage show's ("toured the country with his one man show")
    V("tour", "VISIT", "Mara Quill toured Australia.",
      "Mara Quill toured Europe, playing in all the top venues.",
      forbids=("complement_in:play|perform|sing|headline",
               "prep_object_in:show|shows|concert|concerts|play|musical|production|gig|gigs"),
      mode="visit"),
    V("show", "VISIT", "Angela Merkel showed Emmanuel Macron around Berlin.",
      "Angela Merkel showed Emmanuel Macron the report.",
      requires=("prep_in:TRAVEL_PARTICLES",), trigger="{verb} ... {particle}", mode="visit"),
    # --- PERSONNEL
    V("resign", "PERSONNEL", "David Cameron resigned on Friday.", "The man resigned."),
    V("appoint", "PERSONNEL", "Joe Biden appointed Janet Yellen.",
      "The appointed day came."),
    V("hire", "PERSONNEL", "Chelsea hired Jose Mourinho.", "Tom Arden hired a car.",
      any_of=("object_person", "object_in:STAFF")),
    V("sack", "PERSONNEL", "Chelsea sacked Jose Mourinho.", "The city was sacked."),
    # a firm quitting a market, anyone quitting smoking: no post left
    V("quit", "PERSONNEL", "Tom Arden quit as prime minister.",
      "The Velden electronics firm is quitting the LCD panel market.",
      any_of=("object", "prep_in:as"), forbids=("object_in:QUIT_HABITS",)),
    V("step", "PERSONNEL", "David Cameron stepped down.", "David Cameron stepped forward.",
      requires=("prep_in:down",), trigger="{verb} down"),
    # --- ACQUIRE
    # a company, a stake or a property acquired (not a firearm, a skill: the gold's consumer
    # purchases)
    V("acquire", "ACQUIRE", "Microsoft acquired LinkedIn.",
      "The law allowed Tom Arden to acquire a firearm before the check.",
      any_of=("object_org", "object_propn", "object_in:ACQUIRED_THINGS")),
    # a company, a stake, a property or a label bought (not "bought clothes", "bought time")
    V("buy", "ACQUIRE", "Microsoft bought LinkedIn for $26bn.", "Anna Kowalczyk bought time.",
      any_of=("object_org", "object_propn", "object_in:ACQUIRED_THINGS"),
      forbids=("object_in:time",)),
    V("purchase", "ACQUIRE", "Microsoft purchased LinkedIn for $26bn.",
      "Anna Kowalczyk purchased a ticket.",
      any_of=("object_org", "object_propn", "object_in:ACQUIRED_THINGS")),
    V("sell", "ACQUIRE", "Fiat sold General Motors a stake in 2000.",
      "Tom Arden sold his car in 2000.", requires=("object_in:ACQUIRED_THINGS",),
      any_of=("party",)),
    V("merge", "ACQUIRE", "Exxon merged with Mobil.", "Google merged its two divisions.",
      any_of=_WITH_PARTY),
    V("take", "ACQUIRE", "Google took over Motorola.", "Boris Johnson took over the job.",
      requires=("prt_in:over",), any_of=("object_org", "object_in:ACQUIRED_THINGS"),
      trigger="{verb} over"),
    # --- nouns
    N("summit", "CONSULT", "The summit between Russia and China took place in Beijing.",
      "Joe Biden reached the summit of Everest."),
    N("talks", "CONSULT", "Angela Merkel and Emmanuel Macron held talks in Berlin.",
      "The talks were cancelled.", plural=True),
    # a candidate's town hall with voters, a shareholders' meeting: no talks between actors
    N("meeting", "CONSULT", "Boris Johnson's meeting with Joe Biden was short.",
      "Mara Quill held a town hall meeting in Port Velden.",
      forbids=("modifier_in:MEETING_KINDS",)),
    N("negotiation", "CONSULT", "The negotiation between Russia and Ukraine failed.",
      "The negotiation failed."),
    N("negotiations", "CONSULT", "Negotiations between Russia and Ukraine resumed.",
      "Negotiations resumed.", plural=True),
    # a definite protest is one that happened ("the protests spread"); "a protest song" none
    N("walkout", "PROTEST", "The walkout by Dunmore teachers closed the schools.",
      "A walkout is a union tactic.", plural=True, mode="strike", standalone=True),
    N("protest", "PROTEST", "The protests spread to Dunmore.", "A protest song played.",
      plural=True, mode="demonstrate", standalone=True),
    # CAMEO 142 hunger strike, 143 conduct strike (PLOVER PROTEST); an air strike is ASSAULT
    N("strike", "PROTEST", "Workers went on strike in Dunmore.",
      "The United States launched an air strike on Syria.",
      any_of=("modifier_in:hunger|general|rail|national|labour|labor", "verb_in:go|stage|call"),
      forbids=("modifier_in:STRIKE_KINDS",), plural=True, mode="strike"),
    # a rally against someone is a protest (CAMEO 141 demonstrate or rally); a campaign's
    # rally is none
    N("rally", "PROTEST", "Tom Arden organised an anti-Harlow rally in Dunmore.",
      "Tom Arden held a campaign rally in Dunmore.",
      any_of=("modifier_in:anti|protest", "prep_in:against"), plural=True,
      mode="demonstrate", standalone=True),
    # the people a protest is made of, acting (the gold's PROTEST, CAMEO 141): "the protesters
    # identified themselves", "protesters making their way"; protesters a verb acts on
    # ("killed 400 protesters", "persuade protesters") are no protest of theirs
    N("protester", "PROTEST", "The protesters blocked the road to the town hall in Dunmore.",
      "The police dispersed the protesters in Dunmore.", requires=("acts",), plural=True,
      also=("protestor", "demonstrator", "protesters", "protestors", "demonstrators"),
      agentive=True, mode="demonstrate"),
    # who attacked, acting: "the attacker had disappeared" (ASSAULT by the attacker); "among
    # the assailants" names no act
    N("attacker", "ASSAULT", "The attacker fled before officers arrived in Dunmore.",
      "Police searched for the attacker in Dunmore.", requires=("acts",), plural=True,
      also=("assailant", "gunman", "attackers", "assailants", "gunmen"), agentive=True),
    # investigators acting imply their investigation: "investigators discovered that ..."; a
    # science investigator's is none (the gold guide's counter-example)
    N("investigator", "INVESTIGATE", "Investigators found the driver had been drinking.",
      "Science investigators claim the backlog has grown.", requires=("acts",),
      forbids=("modifier_in:science|scientific|medical|insurance|private",), plural=True,
      also=("investigators",), agentive=True),
    N("demonstration", "PROTEST", "Kurds held a demonstration in Berlin.",
      "The demonstration was peaceful.", plural=True, mode="demonstrate"),
    # xenophobic or personal attacks are words; attacks celebrated "on Twitter" hit no one there
    N("attack", "ACCUSE", "Boris Johnson's attack on Jeremy Corbyn was unfair.",
      "Russia's attack on Ukraine was condemned.",
      any_of=("poss_person", "against_person", "modifier_in:VERBAL_ATTACKS"),
      forbids=("modifier_in:ATTACK_KINDS", "prep_object_in:MEDIA_OUTLETS"), plural=True),
    N("attack", "ASSAULT", "Russia's attack on Ukraine was condemned.",
      "Tom Arden's xenophobic attacks on Muslims divided the town.",
      any_of=("modifier_in:ATTACK_KINDS", "against_actor"),
      forbids=("modifier_in:VERBAL_ATTACKS",), plural=True),
    N("crackdown", "COERCE", "China's crackdown on protesters was condemned.",
      "A crackdown is a police tactic.", any_of=("prep_in:on|against", "poss_person"),
      plural=True),
    N("arrest", "COERCE", "The arrests followed a complaint by the shopkeepers.",
      "An arrest takes a few hours.", plural=True, mode="arrest", poss_patient=True,
      standalone=True, counted=True),
    N("detention", "COERCE", "China's detention of Michael Kovrig angered Canada.",
      "The detention centre was closed.", mode="arrest", poss_patient=True),
    N("raid", "COERCE", "The FBI's raid on the office angered David Okafor.",
      "The raid was filmed.", plural=True),
    N("killing", "ASSAULT", "Israel's killing of the Hamas commander was condemned.",
      "The killing was condemned.", plural=True, poss_patient=True),
    # science investigations are research, no inquiry into anyone (the gold's counter-example)
    N("investigation", "INVESTIGATE", "The FBI's investigation of Anna Kowalczyk ended in July.",
      "The probe will conduct science investigations on the Moon.",
      forbids=("modifier_in:science|scientific|medical|clinical",), plural=True),
    N("inquiry", "INVESTIGATE", "The Senate launched an inquiry into Facebook.",
      "An inquiry takes time."),
    N("probe", "INVESTIGATE", "The police commissioner ordered a probe into the incident.",
      "The space probe reached Mars.", any_of=("prep_in:into|against", "verb_in:LIGHT_VERBS")),
    # "opened fire", "set fire to": the light verb's subject attacks (PLOVER ASSAULT; CAMEO
    # 1712 destroy property for arson)
    N("fire", "ASSAULT", "The police opened fire on the mob in Eastport.",
      "The fire spread to the roof.", requires=("verb_in:open|set",), mode="firearms"),
    N("lathicharge", "ASSAULT", "The police resorted to a lathicharge in Eastport.",
      "A lathicharge is a police tactic.", plural=True, mode="beat", standalone=True),
    N("partnership", "COOPERATE", "The partnership between Google and Microsoft ended.",
      "The partnership was dissolved."),
    N("venture", "COOPERATE", "The system is a joint venture between Google and Microsoft.",
      "The venture failed.", requires=("modifier_in:joint",)),
    N("grant", "AID", "Britain is to give a grant to help survivors of the genocide.",
      "The grant of a licence was delayed.", requires=("verb_in:give|award|provide",)),
    N("donation", "AID", "Tom Arden received donations from the Venter Group.",
      "Donations are tax-free.",
      any_of=("poss_actor", "prep_in:from|to|by", "verb_in:receive|make|give|pledge"),
      plural=True),
    N("bailout", "AID", "The bailout of big banks angered Tom Arden.",
      "Bailouts are unpopular.", plural=True, standalone=True),
    N("refusal", "REJECT", "Tom Arden's refusal to resign angered Harlow.",
      "Tom Arden's refusal to comment angered Harlow.",
      forbids=("xcomp_in:COMMENT_VERBS", "infinitive & !xcomp_in:REFUSED_ACTS & !asked")),
    # CAMEO 0841 (PLOVER RETREAT, mode release): "the release of the hostages"
    N("release", "RETREAT", "The release of the four detainees angered Harlow.",
      "The release of the album was delayed.", requires=("modifier_or_of_in:DETAINEES",),
      mode="release"),
    # CAMEO 0872/0874 (PLOVER RETREAT, mode withdraw): troops pulled out; "the withdrawal of
    # the bill" is a concession (CAMEO 083), a candidate's from a race a personnel change
    N("withdrawal", "CONCEDE", "The withdrawal of the bill was too little, too late.",
      "The withdrawal of the troops was too late.", requires=("modifier_or_of_in:POLICY_OBJECTS",),
      standalone=True),
    N("withdrawal", "RETREAT", "Harlow announced the withdrawal of its troops from Dunmore.",
      "The withdrawal of cash was delayed.",
      any_of=("modifier_or_of_in:WITHDRAWN", "poss_actor"),
      # "Quill's withdrawal" (a candidate's), "withdrawal from the contract": no ground given up
      forbids=("modifier_or_of_in:RACES", "prep_object_in:RACES|CONTRACTS",
               "poss_named_person & !from_place"), mode="withdraw"),
    # concessions made or won (CAMEO 08 yield); "a concession stand" is none
    N("concession", "CONCEDE", "The Velden government made concessions to the strikers.",
      "The concession stand in Dunmore sold drinks.",
      requires=("verb_in:make|offer|win|extract|grant|wring",), plural=True),
    # backing down on a policy (PLOVER CONCEDE): "Harlow's backtracking on the extradition law"
    N("backtracking", "CONCEDE",
      "The backtracking by the Velden government on the extradition law angered the protesters.",
      "Backtracking is a search method.", any_of=("poss_actor", "prep_in:on|over"),
      also=("u-turn",)),
    N("apology", "CONCEDE", "Tom Arden's apology to Anna Kowalczyk came late.",
      "An apology is not enough."),
    N("indictment", "ACCUSE", "His indictment includes charges of securities fraud.",
      "An indictment takes months.", poss_patient=True),
    # CAMEO 111 (PLOVER ACCUSE, disapprove): criticism by or of a named party
    # an outcry over an act (CAMEO 111 criticize or denounce): "a rising outcry over his
    # dismissal of the couple"
    N("outcry", "ACCUSE", "The public outcry over the Dunmore verdict grew.",
      "An outcry is likely.", any_of=("prep_in:over|against|at|about",), standalone=True),
    N("criticism", "ACCUSE", "Tom Arden's criticism of Anna Kowalczyk came late.",
      "Criticism is healthy.", any_of=("poss_actor", "prep_in:of|from|against"),
      plural=True, standalone=True),
    N("insult", "ACCUSE", "Tom Arden launched personal insults at Anna Kowalczyk.",
      "Insults are common online.",
      any_of=("verb_in:launch|hurl|trade|exchange|sling|throw|make", "poss_actor"), plural=True),
    N("accusation", "ACCUSE", "Tom Arden's accusations against Anna Kowalczyk were false.",
      "Accusations fly.", plural=True),
    # "a war of words" (the gold's ACCUSE); "declared war on" is an attack (CAMEO 20, PLOVER)
    N("war", "ACCUSE", "The war of words between Britain and France escalated.",
      "The war in Iraq ended.", requires=("modifier_or_of_in:words",)),
    N("war", "ASSAULT", "Harlow declared war on Dunmore in 1991.",
      "The war of words escalated.", requires=("verb_in:declare|wage",)),
    N("sanction", "SANCTION", "The bill steps up sanctions against Iran.",
      "The plan needs the sanction of parliament.",
      any_of=("prep_in:against|on", "verb_in:impose|lift|ease|tighten"), plural=True),
    N("appointment", "PERSONNEL", "Tom Arden's appointment as chief executive was announced.",
      "Tom Arden missed his appointment.", any_of=("prep_in:as|of", "verb_in:make|announce")),
    N("punch", "ASSAULT", "Tom Arden threw punches at Jack Bell.", "The punch was strong.",
      requires=("verb_in:throw|land",), plural=True, mode="beat"),
    N("praise", "SUPPORT", "Q Magazine had praise for Anna Kowalczyk.",
      "Praise is cheap.", requires=("verb_in:have|heap|win|earn|receive|shower",)),
    N("endorsement", "SUPPORT", "Maria Lindqvist's endorsement of Anna Kowalczyk came in June.",
      "The endorsement came in June."),
    N("airstrike", "ASSAULT", "Harlow carried out airstrikes on Eastport.",
      "Airstrikes are a tactic.", any_of=("prep_in:on|against|in", "poss_actor",
                                          "verb_in:LIGHT_VERBS|carry"),
      also=("airstrikes", "air-strike", "air-strikes"), plural=True, mode="aerial"),
    N("assassination", "ASSAULT", "The assassination of the Hutu leader shocked Dunmore.",
      "Assassination is a crime.", plural=True, poss_patient=True, standalone=True),
    N("assault", "ASSAULT", "The assaults on the embassy in Dunmore were condemned.",
      "The assault on the assets of the Venter Group was condemned.",
      any_of=("prep_in:on|against", "poss_actor"),
      forbids=("prep_object_in:ABSTRACT_TARGETS",), plural=True,
      standalone=True),
    N("invasion", "ASSAULT", "Russia's invasion of Ukraine was condemned.",
      "The invasion began."),
    N("strike", "ASSAULT", "The United States launched an air strike on Syria.",
      "Workers went on strike.", requires=("modifier_in:STRIKE_KINDS",), plural=True,
      mode="aerial"),
    N("launch", "LAUNCH", "North Korea's missile launches were condemned.",
      "Apple's product launch was delayed.", requires=("modifier_or_of_in:PROJECTILES",),
      plural=True),
    N("test", "LAUNCH", "Tom Arden denounced Iran's missile tests.",
      "Apple's product tests were delayed.", requires=("modifier_or_of_in:PROJECTILES",),
      plural=True),
    N("arrival", "TRAVEL", "Joe Biden's arrival in Paris was secret.",
      "Joe Biden's arrival was delayed."),
    N("trip", "TRAVEL", "Joe Biden's trip to Paris was secret.", "Joe Biden's trip was delayed."),
    N("journey", "TRAVEL", "Joe Biden's journey to Paris was secret.",
      "Joe Biden's journey was long."),
    N("visit", "VISIT", "Joe Biden's visit to Paris was secret.", "Joe Biden's visit was short.",
      mode="visit"),
    N("tour", "VISIT", "Joe Biden's tour of Paris was secret.", "The tour was short.",
      mode="visit"),
    N("resignation", "PERSONNEL", "David Cameron's resignation shocked Britain.",
      "The resignation was expected."),
    N("takeover", "ACQUIRE", "Microsoft's takeover of LinkedIn was approved.",
      "The takeover was approved."),
    N("merger", "ACQUIRE", "The merger between Exxon and Mobil was approved.",
      "The merger was approved."),
    N("acquisition", "ACQUIRE", "Microsoft's acquisition of LinkedIn was approved.",
      "The acquisition was approved."),
)


def senses_by_lemma(pos: str) -> dict[str, tuple[Sense, ...]]:
    """The rows of one part of speech, by lemma, in table order."""
    out: dict[str, list[Sense]] = {}
    for sense in SENSES:
        if sense.pos == pos:
            for lemma in (sense.lemma, *sense.also):
                out.setdefault(lemma, []).append(sense)
    return {lemma: tuple(rows) for lemma, rows in out.items()}


VERB_SENSES = senses_by_lemma("VERB")
NOUN_SENSES = senses_by_lemma("NOUN")
#: lemma -> the type of its first sense (what a lemma lexicon looked like before the table).
VERB_TRIGGERS = {lemma: rows[0].event_type for lemma, rows in VERB_SENSES.items()}
NOUN_TRIGGERS = {lemma: rows[0].event_type for lemma, rows in NOUN_SENSES.items()}


@dataclass(frozen=True)
class ImpliedAgent:
    """The sector of the agent that a report naming none implies, for senses of one type: who
    arrests (police), remands and sentences (a court), fines (the state). The example names no
    agent (the sector is implied), the counter-example does (nothing is implied); each is
    parsed by ``tests/test_event_senses.py``."""

    event_type: str
    lemmas: tuple[str, ...]
    sector: str
    example: str
    counter: str
    #: sense conditions one of which the trigger must meet too (tear gas fired implies the
    #: police, shots fired nobody in particular)
    when: tuple[str, ...] = ()


IMPLIED_AGENTS: tuple[ImpliedAgent, ...] = (
    ImpliedAgent("COERCE", ("arrest", "detain", "detention", "jail", "imprison", "nab", "round",
                            "take", "book", "apprehend", "pick", "hold", "catch"), "police",
                 "Twelve people were arrested in Dunmore on Sunday.",
                 "Dunmore police arrested twelve people on Sunday."),
    # who lathi-charges, lobs tear gas and uses water cannon on a crowd: the police (CAMEO 175
    # violent repression, COP)
    ImpliedAgent("ASSAULT", ("lathicharge", "charge", "cane", "lob", "burst", "spray", "use",
                             "gas"),
                 "police", "The protesters were lathi-charged in Eastport.",
                 "Eastport police lathi-charged the protesters."),
    ImpliedAgent("ASSAULT", ("fire",), "police",
                 "Tear gas shells were fired at the crowd in Eastport.",
                 "Eastport police fired tear gas shells at the crowd.",
                 when=("object_in:POLICE_MUNITIONS", "object_modifier_in:POLICE_MUNITIONS")),
    ImpliedAgent("COERCE", ("remand", "sentence"), "judiciary",
                 "Peter Thwaite was sentenced to six years in prison.",
                 "A Dunmore court sentenced Peter Thwaite to six years in prison."),
    ImpliedAgent("SANCTION", ("fine", "impose", "sanction"), "government",
                 "Venter Group was fined on Tuesday.",
                 "Dunmore council fined Venter Group on Tuesday."),
    # who charges and indicts: prosecutors (CAMEO 173 charge with legal action, JUD)
    ImpliedAgent("ACCUSE", ("charge", "indict", "indictment"), "judiciary",
                 "Two Dunmore prison officers were charged on Tuesday with fraud.",
                 "Dunmore prosecutors charged two prison officers on Tuesday with fraud."),
)
#: (event_type, sense lemma) -> the row giving the sector an agentless report of it implies
IMPLIED_SECTOR = {(row.event_type, lemma): row
                  for row in IMPLIED_AGENTS for lemma in row.lemmas}


@dataclass(frozen=True)
class PoliceReport:
    """A construction of police and riot reports (South Asian English press style): the
    example yields a mention of ``event_type`` whose trigger starts with ``trigger``, done by
    ``sector`` as its actor's type or as the agent an agentless report implies ("" when the
    agent is no police: "killed by the mob"); the counter-example yields no mention of that
    type. ``tests/test_events_police.py`` parses both."""

    question: str  # what a coder asks of the sentence: "arrest", "kill" or "force"
    event_type: str
    trigger: str
    example: str
    counter: str
    sector: str = "police"


def _arrest(trigger: str, example: str, counter: str, sector: str = "police") -> PoliceReport:
    return PoliceReport("arrest", "COERCE", trigger, example, counter, sector)


def _kill(trigger: str, example: str, counter: str, sector: str = "police") -> PoliceReport:
    return PoliceReport("kill", "ASSAULT", trigger, example, counter, sector)


def _force(trigger: str, example: str, counter: str, sector: str = "police") -> PoliceReport:
    return PoliceReport("force", "ASSAULT", trigger, example, counter, sector)


POLICE_REPORTS: tuple[PoliceReport, ...] = (
    # --- arrests: active, passive with and without "by police", nouns
    _arrest("arrested", "The Eastport police arrested two youths on Sunday.",
            "The government could not arrest the decline in prices."),
    _arrest("arrested", "Fifty-one persons have been arrested so far in Eastport.",
            "The Dunmore court cancelled the arrest warrant against Tom Arden."),
    _arrest("arrested", "Two youths were arrested by the railway police at Dunmore station.",
            "Nobody arrested the slide of the rupee in Dunmore."),
    _arrest("arrested", "The police registered a case and arrested two persons in Eastport.",
            "The police registered a case against the mill owner in Eastport."),
    _arrest("arrested", "The SHO arrested the accused in Eastport on Sunday.",
            "The SHO addressed the traders in Eastport on Sunday."),
    _arrest("detained", "Six persons were detained in Eastport for questioning.",
            "Bad weather detained the Dunmore flight for two hours."),
    _arrest("held", "Three persons were held in connection with the murder in Eastport.",
            "The meeting was held at the Eastport town hall."),
    _arrest("held", "The Eastport police held three men for questioning.",
            "Two traders were held responsible for the shortage in Eastport."),
    _arrest("booked", "Twenty persons were booked for rioting in Eastport.",
            "Mara Quill booked a ticket to Dunmore."),
    _arrest("booked", "Dunmore police booked 20 persons under the Arms Act.",
            "Dunmore police booked a hall for the function."),
    _arrest("nabbed", "The accused was nabbed from Eastport on Monday.",
            "The thief nabbed a purse in Eastport."),
    _arrest("picked up", "Three youths were picked up from the Eastport market.",
            "She picked up the phone in Eastport."),
    _arrest("rounded up", "Forty persons were rounded up after the clashes in Eastport.",
            "The minister rounded off his speech in Eastport."),
    _arrest("taken into custody", "The driver was taken into custody in Eastport.",
            "The minister was taken into confidence in Eastport."),
    _arrest("taken into custody", "Two persons have been taken into police custody.",
            "Two persons have been taken to hospital in Eastport."),
    _arrest("caught", "The accused was caught red-handed by the police in Eastport.",
            "Two boys were caught in the crossfire in Eastport."),
    _arrest("lodged", "The Eastport police lodged him in jail on Monday.",
            "Tom Arden lodged a complaint with the Eastport police."),
    _arrest("remanded", "The accused were remanded to judicial custody till March 4.",
            "The Eastport court adjourned the hearing till March 4.", "judiciary"),
    _arrest("arrest", "The arrest of the three youths sparked protests in Eastport.",
            "The arrest warrant against Tom Arden was cancelled in Eastport."),
    _arrest("arrest", "His arrest in Dubai was announced on Monday.",
            "An arrest takes a few hours in Dubai."),
    _arrest("arrests", "The arrests followed a complaint by the shopkeepers.",
            "Arrests are a police matter in Dunmore."),
    _arrest("arrests", "Two more arrests were made in Eastport on Monday.",
            "Two more shops were opened in Eastport on Monday."),
    # --- killings: by police firing, shot dead, died, fell, succumbed
    _kill("killed", "Two persons were killed in police firing in Eastport.",
          "The opposition killed the bill in the Eastport assembly."),
    _kill("killed", "In the police firing, two persons were killed.",
          "In the fire, two houses were gutted in Eastport."),
    _kill("killed", "One person was killed and ten injured in police firing.",
          "One person was hurt and ten fell ill in Eastport."),
    _kill("killed", "Five persons were killed when the police opened fire on the mob.",
          "A fire broke out in a godown in Eastport."),
    _kill("died", "A youth died in police firing in Eastport.",
          "Two persons died in a road accident in Eastport."),
    _kill("died", "Two persons died when the police fired on the mob in Eastport.",
          "Two persons died when the bus fell into the Eastport canal."),
    _kill("shot", "Police shot dead two robbers in Eastport.",
          "The Velden crew shot a film in Eastport."),
    _kill("shot", "Two robbers were shot dead by the police in Eastport.",
          "Two scenes were shot in Eastport."),
    _kill("shot", "Two dacoits were shot dead in an encounter with the police.",
          "Two dacoits met the police in Eastport."),
    _kill("killed", "A youth was killed in an encounter with the police in Eastport.",
          "A youth was hurt in a quarrel with his neighbour in Eastport."),
    _kill("gunned down", "Three dacoits were gunned down by the police in Eastport.",
          "Tom Arden gunned the engine in Eastport."),
    _kill("killing", "Police fired several rounds, killing one person in Eastport.",
          "The Eastport mill fired several workers, angering the union."),
    _kill("shot", "Youth shot dead by police in Eastport",
          "Film shot by Velden crew in Eastport"),
    _kill("fell", "Three persons fell to police bullets in Eastport.",
          "The town fell to the rebels in Eastport."),
    _kill("succumbed", "A student succumbed to his injuries after the police firing.",
          "The old man succumbed to cancer in Eastport."),
    _kill("killed", "The police killed three militants in an encounter in Eastport.",
          "The police charged the accused with murder in Eastport."),
    _kill("killed", "A constable was killed by the mob in Eastport.",
          "The police fired the manager of the canteen in Eastport.", ""),
    _kill("killed", "Two persons were killed in the riots in Eastport.",
          "Two persons were hurt in a quarrel in Eastport.", ""),
    # --- force: lathi-charges, tear gas, firing, water cannon, beating
    _force("charged", "The police lathi-charged the mob in Eastport.",
           "The police charged the accused with murder in Eastport."),
    _force("charged", "The protesters were lathi-charged in Eastport.",
           "The protesters were charged with rioting in Eastport."),
    _force("charged", "The police baton-charged the crowd in Eastport.",
           "The company charged the customers a fee in Eastport."),
    _force("lathi-charge", "The police resorted to a lathi-charge in Eastport.",
           "A lathi-charge is a police tactic."),
    _force("fired", "The police fired tear gas shells to disperse the mob.",
           "The company fired the manager in Eastport."),
    _force("fired", "Tear gas shells were fired at the crowd in Eastport.",
           "Tom Arden was fired from his job in Eastport."),
    _force("fired", "The police fired rubber bullets at the protesters in Eastport.",
           "The Eastport mill fired twenty workers."),
    _force("fired", "The police fired in the air to disperse the mob.",
           "The Eastport mill fired its foreman."),
    _force("fire", "The police opened fire on the mob in Eastport.",
           "A fire broke out in a godown in Eastport."),
    _force("firing", "Condemning the police firing, the opposition called a strike.",
           "The firing of the manager angered the Eastport staff."),
    _force("used", "The police used water cannon to disperse the crowd in Eastport.",
           "The police used a computer to trace the caller in Eastport."),
    _force("used", "Water cannons were used to disperse the protesters in Eastport.",
           "Water was used to douse the fire in Eastport."),
    _force("gassed", "The protesters were tear-gassed in Eastport.",
           "The exterminators gassed the Eastport warehouse."),
    _force("beat", "The police beat the protesters with lathis in Eastport.",
           "Tom Arden beat the Dunmore champion in the final."),
    _force("lobbed", "Teargas shells were lobbed at the crowd in Eastport.",
           "The player lobbed the goalkeeper in Eastport."),
    _force("burst", "The police burst tear gas shells in Eastport.",
           "The water pipe burst in Eastport."),
    _force("injured", "Several persons were injured in the lathi-charge in Eastport.",
           "Several persons were injured in a road accident in Eastport.", ""),
    _force("pelted", "The mob pelted stones at the police in Eastport.",
           "It pelted with rain in Eastport.", ""),
)
