"""The shipped cast: 65 contestants, five of each archetype, from the show's four countries."""

from __future__ import annotations

from game.personas import Persona, Stats, Traits

# name, gender, age, occupation, hometown,
# traits (openness, conscientiousness, extraversion, agreeableness, neuroticism),
# stats (intellect, dexterity, social influence), backstory.
_Row = tuple[
    str,
    str,
    int,
    str,
    str,
    tuple[float, float, float, float, float],
    tuple[float, float, float],
    str,
]

# Tabular data, kept one contestant per block for reading; every value lies within
# its archetype's ranges (tests/game/test_personas.py checks).
# fmt: off
_ROWS: tuple[tuple[str, tuple[_Row, ...]], ...] = (
    ("The Strategist", (
        ("Eleanor Whitfield", "female", 44, "Management consultant", "Harrogate, England",
         (0.75, 0.71, 0.34, 0.51, 0.19), (0.83, 0.52, 0.61),
         "Spent twenty years restructuring companies and now wants to restructure a castle. "
         "Keeps her cards close and her notebook closer."),
        ("Marcus Okafor", "male", 31, "Chess coach", "Croydon, England",
         (0.69, 0.79, 0.32, 0.47, 0.41), (0.93, 0.38, 0.7),
         "A county chess champion who thinks every round table is an endgame. He came to prove"
         " that patience beats charisma."),
        ("Priya Raman", "female", 29, "Actuary", "Leicester, England",
         (0.63, 0.71, 0.5, 0.58, 0.21), (0.84, 0.65, 0.73),
         "Calculates the odds of everything, including who will be murdered next. Her friends "
         "call her the human spreadsheet."),
        ("Daniel Kowalski", "male", 52, "Logistics manager", "Winnipeg, Canada",
         (0.67, 0.84, 0.39, 0.59, 0.42), (0.93, 0.41, 0.68),
         "Runs a freight depot that never misses a deadline. He plans to run the castle the "
         "same way."),
        ("Hannah Brooks", "female", 37, "Poker dealer", "Reno, USA",
         (0.64, 0.85, 0.68, 0.33, 0.16), (0.89, 0.33, 0.58),
         "Has watched ten thousand bluffs across the felt. She thinks a round table is just a "
         "slower card game."),
    )),
    ("The Charmer", (
        ("Jamie Fletcher", "male", 27, "Estate agent", "Brighton, England",
         (0.67, 0.42, 0.86, 0.87, 0.16), (0.66, 0.62, 0.8),
         "Could sell a damp flat to a duck and loves a room full of new people. He expects to "
         "be everyone's first friend."),
        ("Sofia Marchetti", "female", 33, "Wedding planner", "Toronto, Canada",
         (0.68, 0.63, 0.81, 0.87, 0.2), (0.64, 0.35, 0.95),
         "Has soothed a thousand nervous brides and their mothers. She reads a mood before "
         "anyone opens their mouth."),
        ("Tyrone Williams", "male", 40, "Radio presenter", "Birmingham, England",
         (0.84, 0.55, 0.9, 0.79, 0.32), (0.69, 0.63, 0.9),
         "Hosts the breakfast show that half the Midlands wakes up to. He can talk his way out"
         " of almost anything."),
        ("Chloe Anderson", "female", 24, "Cabin crew", "Gold Coast, Australia",
         (0.7, 0.4, 0.82, 0.67, 0.23), (0.5, 0.53, 0.85),
         "Flies long-haul and makes friends at thirty thousand feet. She hopes charm will get "
         "her all the way to the final."),
        ("Ava Delacroix", "female", 35, "Sommelier", "New Orleans, USA",
         (0.59, 0.61, 0.77, 0.64, 0.29), (0.51, 0.48, 0.96),
         "Pairs wine with people as well as food. She believes everyone has a tell after the "
         "second glass."),
    )),
    ("The Loyalist", (
        ("Gareth Hughes", "male", 48, "Firefighter", "Cardiff, Wales",
         (0.49, 0.88, 0.67, 0.73, 0.39), (0.57, 0.54, 0.51),
         "Twenty years on the watch taught him to trust his crew completely. He will stand by "
         "his allies until the very end."),
        ("Margaret O'Neill", "female", 63, "Retired headteacher", "Belfast, Northern Ireland",
         (0.38, 0.78, 0.61, 0.88, 0.31), (0.68, 0.44, 0.58),
         "Ran a primary school for three decades and still expects good behaviour. Loyal to a "
         "fault and fiercely protective of friends."),
        ("Kwame Mensah", "male", 36, "Paramedic", "Manchester, England",
         (0.54, 0.83, 0.63, 0.78, 0.25), (0.63, 0.71, 0.63),
         "Spends his nights keeping strangers alive. He values loyalty above cleverness and "
         "says so."),
        ("Bethany Clarke", "female", 26, "Veterinary nurse", "Shrewsbury, England",
         (0.56, 0.84, 0.42, 0.87, 0.22), (0.62, 0.57, 0.51),
         "Grew up on a farm and trusts animals more than people. Once she trusts you, she "
         "never lets go."),
        ("Lachlan Murray", "male", 45, "Sheep farmer", "Dubbo, Australia",
         (0.54, 0.68, 0.63, 0.91, 0.21), (0.54, 0.61, 0.45),
         "Runs a station that has been in the family for four generations. A handshake from "
         "him is as good as a contract."),
    )),
    ("The Wildcard", (
        ("Zara Quinn", "female", 23, "Tattoo artist", "Glasgow, Scotland",
         (0.79, 0.12, 0.75, 0.55, 0.63), (0.37, 0.64, 0.58),
         "Changes her hair colour every week and her mind every hour. Nobody, including Zara, "
         "knows what she will do next."),
        ("Billy Tran", "male", 29, "Street magician", "Melbourne, Australia",
         (0.91, 0.18, 0.86, 0.61, 0.51), (0.53, 0.72, 0.73),
         "Makes a living from misdirection on Bourke Street. He thinks chaos is a strategy in "
         "itself."),
        ("Rosa Delgado", "female", 38, "Stunt performer", "Albuquerque, USA",
         (0.9, 0.21, 0.91, 0.57, 0.63), (0.46, 0.45, 0.44),
         "Has jumped off buildings for Hollywood and fears nothing. She votes on instinct and "
         "never looks back."),
        ("Felix Hartmann", "male", 34, "DJ", "Bristol, England",
         (0.82, 0.34, 0.87, 0.43, 0.65), (0.46, 0.66, 0.42),
         "Plays festival sets until sunrise and lives on gut feeling. He came for the drama as"
         " much as the money."),
        ("Imogen Blake", "female", 41, "Antiques dealer", "Hay-on-Wye, Wales",
         (0.85, 0.24, 0.78, 0.39, 0.62), (0.74, 0.71, 0.6),
         "Swings between genius and recklessness at every auction. Her hunches are wild and "
         "occasionally brilliant."),
    )),
    ("The Detective", (
        ("Helen Carter", "female", 55, "Retired police inspector", "Leeds, England",
         (0.63, 0.67, 0.34, 0.51, 0.28), (0.76, 0.55, 0.45),
         "Spent thirty years interviewing suspects in Yorkshire. She notices who looks away "
         "first."),
        ("Rajesh Patel", "male", 42, "Forensic accountant", "Mississauga, Canada",
         (0.76, 0.79, 0.54, 0.44, 0.37), (0.91, 0.6, 0.59),
         "Finds the money that others hide for a living. He believes every traitor leaves a "
         "paper trail."),
        ("Nadia Hussein", "female", 30, "Investigative journalist", "London, England",
         (0.84, 0.85, 0.61, 0.55, 0.28), (0.92, 0.57, 0.43),
         "Has exposed two councils and a football club. She is here to expose the traitors."),
        ("Owen Gallagher", "male", 58, "Insurance claims investigator", "Cork, Ireland",
         (0.72, 0.68, 0.49, 0.52, 0.42), (0.86, 0.5, 0.42),
         "Spots a fraudulent claim from the first sentence. He trusts evidence, never "
         "feelings."),
        ("Megan Price", "female", 34, "Crime novelist", "Adelaide, Australia",
         (0.71, 0.76, 0.4, 0.32, 0.51), (0.92, 0.51, 0.47),
         "Writes whodunnits and has always wanted to live inside one. She keeps a timeline of "
         "every breakfast."),
    )),
    ("The Peacemaker", (
        ("Grace Adeyemi", "female", 39, "Family mediator", "Nottingham, England",
         (0.75, 0.65, 0.63, 0.84, 0.15), (0.56, 0.41, 0.64),
         "Spends her days helping divorcing couples agree on something. She wants a round "
         "table with no shouting."),
        ("Thomas Bennett", "male", 61, "Vicar", "Salisbury, England",
         (0.52, 0.61, 0.72, 0.88, 0.22), (0.7, 0.53, 0.63),
         "A country vicar who has heard every confession going. He believes the best of people"
         " until proven otherwise."),
        ("Aisha Rahman", "female", 28, "Primary school teacher", "Bradford, England",
         (0.7, 0.61, 0.7, 0.82, 0.33), (0.71, 0.49, 0.77),
         "Used to calming thirty seven-year-olds at once. She hates to see anyone banished on "
         "a hunch."),
        ("Liam Doherty", "male", 33, "Yoga instructor", "Vancouver, Canada",
         (0.62, 0.59, 0.63, 0.81, 0.12), (0.62, 0.37, 0.76),
         "Left a banking career to teach breathing. He hopes to keep the castle calm and the "
         "faithful united."),
        ("Ruth Goldberg", "female", 67, "Retired nurse", "Boston, USA",
         (0.61, 0.52, 0.51, 0.97, 0.3), (0.48, 0.42, 0.78),
         "Nursed three generations of one neighbourhood. Everyone calls her Grandma Ruth "
         "within a day."),
    )),
    ("The Competitor", (
        ("Jordan Reid", "male", 28, "Personal trainer", "Aberdeen, Scotland",
         (0.52, 0.65, 0.65, 0.35, 0.48), (0.63, 0.96, 0.44),
         "Former semi-pro footballer who treats every mission like a cup final. He wants the "
         "shield every single day."),
        ("Kelsey Morgan", "female", 25, "CrossFit coach", "Denver, USA",
         (0.42, 0.78, 0.78, 0.34, 0.4), (0.64, 0.77, 0.6),
         "Has never finished second without sulking about it. She is here to win missions and "
         "then the money."),
        ("Dev Sharma", "male", 35, "Ex-Royal Marine", "Plymouth, England",
         (0.5, 0.83, 0.8, 0.36, 0.36), (0.47, 0.85, 0.61),
         "Served twelve years and still wakes at five. He thrives under pressure and hates "
         "losing."),
        ("Caitlin Walsh", "female", 30, "Rugby player", "Limerick, Ireland",
         (0.5, 0.88, 0.65, 0.3, 0.35), (0.62, 0.82, 0.51),
         "Captains her club side and tackles problems head-on. Subtlety is not her first "
         "language."),
        ("Mitchell Harris", "male", 46, "Triathlon coach", "Perth, Australia",
         (0.54, 0.64, 0.71, 0.33, 0.39), (0.56, 0.89, 0.63),
         "Has finished nine Ironman races. He believes effort and stamina win every game."),
    )),
    ("The Joker", (
        ("Danny Pearce", "male", 32, "Stand-up comedian", "Liverpool, England",
         (0.81, 0.24, 0.95, 0.8, 0.32), (0.55, 0.49, 0.81),
         "Works the comedy circuit from Liverpool to Edinburgh. He makes people laugh so they "
         "stop asking questions."),
        ("Shanice Roberts", "female", 27, "Hairdresser", "Hackney, England",
         (0.78, 0.46, 0.89, 0.79, 0.21), (0.44, 0.58, 0.78),
         "Runs the busiest chair in her salon and the loudest laugh in any room. Her banter "
         "hides a sharp eye."),
        ("Callum Fraser", "male", 24, "Barista", "Edinburgh, Scotland",
         (0.75, 0.2, 0.92, 0.72, 0.3), (0.64, 0.67, 0.66),
         "Knows the order and the life story of every regular. He jokes through tension and "
         "rarely takes a side."),
        ("Tess McKenzie", "female", 36, "Children's entertainer", "Brisbane, Australia",
         (0.84, 0.21, 0.94, 0.79, 0.25), (0.57, 0.4, 0.69),
         "Has survived a thousand birthday parties. She thinks a castle full of adults will be"
         " easy."),
        ("Luis Ortega", "male", 42, "Food truck owner", "San Antonio, USA",
         (0.91, 0.37, 0.88, 0.8, 0.34), (0.68, 0.56, 0.78),
         "Sells the best tacos in Texas and tells the worst jokes. People underestimate him, "
         "which suits him fine."),
    )),
    ("The Underdog", (
        ("Sam Whitaker", "male", 22, "Warehouse operative", "Hull, England",
         (0.62, 0.57, 0.53, 0.64, 0.51), (0.34, 0.55, 0.26),
         "The youngest in his family and always the last picked. He wants to prove that nobody"
         " sees him coming."),
        ("Joy Okonkwo", "female", 50, "Care worker", "Luton, England",
         (0.52, 0.69, 0.38, 0.87, 0.72), (0.62, 0.58, 0.45),
         "Works night shifts looking after others and rarely thinks of herself. This is the "
         "first thing she has done just for her."),
        ("Ethan Cole", "male", 26, "Trainee electrician", "Halifax, Canada",
         (0.54, 0.49, 0.39, 0.61, 0.75), (0.58, 0.41, 0.25),
         "Quiet, nervous and easily overlooked. He is hoping the others will forget he is "
         "there until the final."),
        ("Maisie Turner", "female", 21, "Student", "Norwich, England",
         (0.54, 0.78, 0.47, 0.85, 0.53), (0.4, 0.48, 0.36),
         "A history student who has watched every series twice. Everyone will underestimate "
         "her, and she is counting on it."),
        ("Patricia Lowe", "female", 68, "Retired dinner lady", "Swansea, Wales",
         (0.68, 0.51, 0.48, 0.85, 0.72), (0.4, 0.37, 0.45),
         "Served school dinners for forty years and has seen every trick in the book. She is "
         "small, polite and nobody's fool."),
    )),
    ("The Mastermind", (
        ("Victoria Ashdown", "female", 47, "Barrister", "Oxford, England",
         (0.85, 0.85, 0.51, 0.44, 0.17), (0.9, 0.48, 0.87),
         "Cross-examines witnesses for a living and rarely loses. She intends to steer every "
         "round table."),
        ("Alexander Reyes", "male", 39, "Hedge fund analyst", "New York, USA",
         (0.74, 0.89, 0.63, 0.16, 0.3), (0.92, 0.52, 0.88),
         "Made his money reading markets before they move. He sees the castle as a market in "
         "trust."),
        ("Simon Chadwick", "male", 54, "Former diplomat", "Cheltenham, England",
         (0.65, 0.94, 0.48, 0.37, 0.12), (0.97, 0.42, 0.79),
         "Negotiated treaties in four languages. He never says more than he means to."),
        ("Mei Lin", "female", 32, "Software architect", "Vancouver, Canada",
         (0.65, 0.96, 0.5, 0.32, 0.23), (0.84, 0.54, 0.74),
         "Designs systems that never fail and expects people to behave as predictably. She "
         "plans ten moves ahead."),
        ("Harriet Vance", "female", 58, "Political campaign manager", "Canberra, Australia",
         (0.65, 0.76, 0.69, 0.35, 0.33), (0.9, 0.37, 0.71),
         "Has won elections with a single well-placed rumour. She knows exactly how a "
         "narrative spreads."),
    )),
    ("The Social Butterfly", (
        ("Poppy Sinclair", "female", 25, "Influencer", "Essex, England",
         (0.68, 0.58, 0.91, 0.72, 0.38), (0.61, 0.35, 0.92),
         "Has half a million followers and speaks to each one like a best friend. She will "
         "know everyone's secrets by day two."),
        ("Marco Bianchi", "male", 30, "Restaurant manager", "Toronto, Canada",
         (0.68, 0.38, 0.94, 0.82, 0.39), (0.38, 0.41, 0.83),
         "Remembers every customer's name and birthday. He will be at the heart of every "
         "conversation."),
        ("Lily Chen", "female", 28, "Events promoter", "Sydney, Australia",
         (0.76, 0.54, 0.9, 0.82, 0.47), (0.34, 0.5, 0.74),
         "Throws the best parties in Sydney and knows everybody worth knowing. She trusts "
         "quickly and forgives quickly."),
        ("Reggie Thompson", "male", 57, "Pub landlord", "Newcastle, England",
         (0.81, 0.43, 0.95, 0.71, 0.55), (0.4, 0.46, 0.81),
         "Has pulled pints and heard confessions for twenty-five years. Everyone tells Reggie "
         "everything, eventually."),
        ("Jasmine Ali", "female", 34, "Beauty therapist", "Glasgow, Scotland",
         (0.82, 0.49, 0.97, 0.82, 0.51), (0.39, 0.51, 0.84),
         "Hears every bit of gossip in her salon chair. She loves people and loves talking "
         "about them even more."),
    )),
    ("The Skeptic", (
        ("Graham Dawson", "male", 60, "Retired engineer", "Sheffield, England",
         (0.38, 0.61, 0.4, 0.31, 0.59), (0.69, 0.34, 0.36),
         "Built bridges for forty years and tests every claim for load. He assumes everyone is"
         " lying until shown otherwise."),
        ("Fiona MacLeod", "female", 43, "Science teacher", "Inverness, Scotland",
         (0.44, 0.85, 0.48, 0.32, 0.53), (0.76, 0.47, 0.4),
         "Teaches teenagers to demand evidence and practises what she preaches. Nobody gets "
         "her trust for free."),
        ("Nathan Brooks", "male", 37, "Cybersecurity analyst", "Seattle, USA",
         (0.42, 0.65, 0.34, 0.4, 0.52), (0.74, 0.55, 0.36),
         "Spends his days hunting intruders on corporate networks. He treats every friendly "
         "word as a possible phishing attempt."),
        ("Sandra Kowalczyk", "female", 49, "Tax inspector", "Calgary, Canada",
         (0.58, 0.87, 0.54, 0.23, 0.6), (0.89, 0.54, 0.31),
         "Audits people who swear their numbers add up. They rarely do, and she says so."),
        ("Bruce Jennings", "male", 64, "Retired detective sergeant", "Hobart, Australia",
         (0.47, 0.84, 0.46, 0.33, 0.48), (0.75, 0.42, 0.48),
         "Thirty years on the force left him suspicious of smiles. He would rather be wrong "
         "than fooled."),
    )),
    ("The Quiet One", (
        ("Esther Mwangi", "female", 31, "Librarian", "Reading, England",
         (0.46, 0.58, 0.23, 0.75, 0.62), (0.57, 0.43, 0.36),
         "Reads people as carefully as she reads books. She speaks rarely, and when she does, "
         "people listen."),
        ("Tom Ashworth", "male", 44, "Lighthouse keeper", "Orkney, Scotland",
         (0.6, 0.53, 0.09, 0.58, 0.57), (0.67, 0.6, 0.22),
         "Spent years alone on a rock in the North Sea. Comfortable in silence and patient "
         "beyond measure."),
        ("Yuki Tanaka", "female", 27, "Data scientist", "San Francisco, USA",
         (0.53, 0.79, 0.23, 0.7, 0.39), (0.82, 0.59, 0.17),
         "Prefers numbers to small talk and observation to accusation. She is quietly logging "
         "everything."),
        ("Ahmed Siddiqui", "male", 38, "Pharmacist", "Ottawa, Canada",
         (0.54, 0.77, 0.07, 0.52, 0.57), (0.64, 0.6, 0.29),
         "Careful, precise and slow to judge. He watches the room and keeps his counsel."),
        ("Noah Fitzgerald", "male", 70, "Retired watchmaker", "Bath, England",
         (0.43, 0.66, 0.24, 0.64, 0.45), (0.57, 0.41, 0.35),
         "Repaired clocks for fifty years and notices the smallest irregularity. He says "
         "little and misses nothing."),
    )),
)
# fmt: on


CAST: tuple[Persona, ...] = tuple(
    Persona(
        name=name,
        archetype=archetype,
        traits=Traits(*traits),
        stats=Stats(*stats),
        backstory=backstory,
        age=age,
        gender=gender,
        occupation=occupation,
        hometown=hometown,
    )
    for archetype, rows in _ROWS
    for name, gender, age, occupation, hometown, traits, stats, backstory in rows
)
"""Every shipped contestant; `game.personas.sample_cast` draws a game's cast from these."""
