"""The allowed values of the published tables' categorical columns, declared once.

The pandera models check them (``isin``), ``datapackage.json`` publishes them (each field's
``constraints.enum``) and the pipeline's stages import them from here instead of keeping a copy,
so a label or an event type is added in exactly one place.
"""

#: spaCy entity labels kept as entities (the others, dates, numbers and money, are not entities).
ENTITY_LABELS = ("PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART",
                 "LAW")
#: The entity labels that name places: an event's location, and the labels a country's code
#: may stand for.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})

#: The event taxonomy, one row per type: event_type -> (PLOVER category, "" when PLOVER has none;
#: the decision, which the docs of ``pipeline.events`` print). ``EVENT_TYPES`` (the schema's
#: allowed values) is its keys; the trigger senses of each type are rows of
#: ``pipeline/events/senses.py``.
EVENT_TAXONOMY: dict[str, tuple[str, str]] = {
    "CONSULT": ("CONSULT", "meetings, talks, hosting or greeting a counterpart: two sides needed"),
    "AGREE": ("AGREE", "agreeing to or on terms, signing a deal, treaty, law or a player"),
    "SIGN": ("", "signing anything else (a visitors' book): kept apart from AGREE"),
    "SUPPORT": ("SUPPORT", "backing, endorsing, praising a party or a policy (not a forecast)"),
    "COOPERATE": ("COOPERATE", "cooperating, collaborating, allying"),
    "AID": ("AID", "aid, assistance, supplies, donations to a party"),
    "CONCEDE": ("CONCEDE", "conceding, apologising, dropping a case, withdrawing a bill "
                "(CAMEO 081-083: verbal and administrative concessions)"),
    "RETREAT": ("RETREAT", "withdrawing troops, envoys or from a place; releasing, freeing or "
                "returning a prisoner or hostage (CAMEO 0841, PLOVER RETREAT mode release: "
                "material yielding)"),
    "ACCUSE": ("ACCUSE", "accusing, blaming a party, criticising; a person's verbal 'attack' or "
               "'fired back'; charges and a case registered against someone (an FIR)"),
    "INVESTIGATE": ("INVESTIGATE", "investigations, inquiries, probes by police, prosecutors, "
                    "legislatures, watchdogs (CAMEO 09; PLOVER 0.7 files it under ACCUSE, kept "
                    "apart here)"),
    "DEMAND": ("DEMAND", "demanding, urging, calling for or on"),
    "REJECT": ("REJECT", "rejecting, refusing, vetoing, opposing, denying a request (bail, a "
               "permit); denying a claim or an accusation is a statement, not an event (CAMEO "
               "016 files it under public statements)"),
    "THREATEN": ("THREATEN", "threats, warnings addressed to a party"),
    "PROTEST": ("PROTEST", "protests, demonstrations, boycotts"),
    "MOBILIZE": ("MOBILIZE", "mobilising or deploying forces, calling in the army, police "
                 "patrols (CAMEO 150-154: a show of military or police power)"),
    "SANCTION": ("SANCTION", "sanctions, bans, fines, expulsions, suspensions"),
    "COERCE": ("COERCE", "arrests, detentions, bookings, remands, deportations, seizures, "
               "jailing, raids, dispersing a crowd, curfews and states of emergency (CAMEO "
               "1723/1724: PLOVER COERCE, modes curfew and martial-law)"),
    "ASSAULT": ("ASSAULT", "armed attacks by states or peoples, bombing, invasions, killing, "
                "a death in firing or clashes, police force on a crowd (lathicharges, "
                "teargas, firing: CAMEO 175 violent repression), "
                "shooting, shelling, air strikes"),
    "LAUNCH": ("MOBILIZE", "launching or testing a missile, rocket or satellite (a show of force, "
               "PLOVER's weapons test)"),
    "INITIATE": ("", "launching or unveiling a product, service, campaign or inquiry"),
    "TRAVEL": ("", "arriving, travelling, flying, returning to a named place (PLOVER: CONSULT "
               "context)"),
    "VISIT": ("CONSULT", "visits and tours of a named place or host (PLOVER: CONSULT, visit)"),
    "PERSONNEL": ("", "resigning, quitting, appointing, sacking, firing a person, stepping down"),
    "ACQUIRE": ("", "acquisitions, mergers, takeovers"),
}
EVENT_TYPES = tuple(EVENT_TAXONOMY)
#: How an event is reported: it happened, or it is planned, possible, hedged or denied.
MODALITIES = ("asserted", "planned", "possible", "hedged", "negated")
#: How an article's text is cased: "mixed" (ordinary prose), or all in "upper" or "lower" case
#: (archives, transcripts), which the NLP stage parses as a restored copy (pipeline.casing).
TEXT_CASES = ("mixed", "upper", "lower")
#: The precision of an event's date, finest first.
DATE_PRECISIONS = ("day", "week", "month", "year")
