"""Train the event-type model on the development answer keys.

    python scripts/train_type_model.py                   # writes ingest/type_model.json
    python scripts/train_type_model.py --check           # exit 1 unless retraining gives it

Every event of `benchmarks/extraction/dev/*.key.json` is one example: its `expression`
is found in the briefing's text (the occurrence in a sentence naming one of the
event's places, else the first), the text is parsed by the project's spaCy pipeline
(`nlp.parse`, as extraction parses it) and `typemodel.features` reads the clause
holding the date, with the rules' type for that clause (`typemodel.rule_features`);
the label is the key's `event_type`.

The model is a multinomial logistic regression with an L2 penalty, fitted by a fixed
number of full-batch gradient steps from zero weights (no randomness: the same keys
give the same file, to the 4 decimals it is written with). Features seen in fewer than
`MIN_COUNT` training examples are left out. How it is judged (leave one briefing out,
through the whole extraction) is `scripts/cross_validate_type_model.py`.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from borderwatch.ingest import nlp, wordvectors
from borderwatch.ingest.eventtype import TypeCue
from borderwatch.ingest.typemodel import MODEL_PATH, TypeModel, clause_rule, features, rule_features

REPO = Path(__file__).resolve().parents[1]
DEV = REPO / "benchmarks" / "extraction" / "dev"
RULES_UNSEEN = (
    "ceuta_2021", "fashaga_2020", "gareja_2019", "idomeni_2016", "kaliningrad_2022",
    "kerch_2018", "lipulekh_2020", "narva_2024", "petrapole_2020",
    "rafah_2024",  # heldout_i: measured once on bcff5e2, retired into dev at ccfa400
    "adre_2023", "algeria_morocco_2021", "ambassador_bridge_2022", "argeen_2023",
    "belgorod_2023", "boten_2021", "causeway_2020", "del_rio_2021", "dorohusk_2023",
    "el_paso_2023", "gatuna_2019", "germany_austria_2015", "gibraltar_2020", "goma_2022",
    "heglig_2012", "huu_nghi_2021", "irish_border_2019", "jordan_tower22_2024",
    "kapitan_andreevo_2020", "ledra_2008", "lok_ma_chau_2023", "ras_ajdir_2024",
    "slovenia_croatia_2017", "somaliland_port_2024", "storskog_2015",
    "sweden_denmark_2016", "tacna_2023", "tecun_uman_2020", "thai_cambodia_2025",
    "yemen_wadiah_2015",  # written for training by x3-x5 in the eleventh round
    "beitbridge_2021", "dajabon_2023", "dandong_2020", "essequibo_2023", "kuchurhan_2022",
    "malanville_2023", "myawaddy_2024", "pacaraima_2019", "roszke_2015",
    "zalambessa_2018",  # heldout_j: measured once on f933923, retired into dev
    "allenby_2024", "bakassi_2008", "birgunj_2015", "bolivia_chile_2018", "chandel_2015",
    "chonhar_2015", "crimean_bridge_2022", "dover_2020", "enclaves_2015", "erez_2024",
    "gambia_2017", "gevgelija_2015", "gomel_talks_2022", "in_amenas_2013",
    "iran_iraq_security_2023", "joda_renk_2023", "kargil_1999", "kassala_2018",
    "lahad_datu_2013", "lang_son_1979", "loc_ceasefire_2021", "medininkai_2021",
    "medyka_2022", "mizoram_2021", "moyale_2018", "nathu_la_2006",
    "nicaragua_costa_rica_2018", "nigeria_benin_2020", "rabia_2014", "salloum_2011",
    "sirte_jufra_2020", "tachira_2015", "tal_abyad_2015", "talysh_2016", "uganda_drc_2021",
    "us_canada_2021", "vaalimaa_2022", "wagner_belarus_2023", "west_timor_1999",
    "zakho_2022",  # written for training by y3-y6 in the twelfth round
    "bab_al_hawa_2023", "cenepa_1995", "darien_2023", "dmz_2015", "kenya_somalia_2011",
    "kobani_2014", "nimule_2016", "prespa_2018", "quneitra_2014",
    "velika_kladusa_2018",  # heldout_k: measured once on 4bd6bec, retired into dev
    "aouzou_1987", "badme_1998", "beagle_1984", "belize_referendum_2019", "blackwater_1984",
    "boqueron_1932", "chaman_census_2017", "columbus_1916", "cyprus_1974",
    "football_war_1969", "isla_portillos_2010", "izvaryne_2014", "jimani_2010",
    "johnson_south_1988", "khasan_rajin_2013", "lebanon_2006", "pang_noon_2001",
    "pyrdiwah_2001", "senegal_mauritania_1989", "slovenia_1991", "sopron_1989",
    "sumdorong_chu_1987", "tijuana_2018",
    "torkham_gate_2016",  # written for training by z4-z6 in the thirteenth round
    "angostura_2008", "ciudad_del_este_2020", "guerguerat_2020", "imia_1996", "kodari_2015",
    "kuwait_1990", "pahalgam_2025", "peru_chile_2014", "pristina_1999",
    "ras_doumeira_2008",  # heldout_l: measured once on 5f8344e, retired into dev
    "akcakale_2012", "andau_1956", "andijan_2005", "arar_2020", "arava_1994", "arsal_2014",
    "azawad_2012", "bahrain_2011", "bajakovo_2015", "bangladesh_1971", "baqura_2019",
    "ben_guerdane_2016", "benapole_2024", "bender_1992", "berlin_blockade_1949",
    "bobrowniki_2023", "bor_2014", "border_threat_2019", "brasstacks_1987", "bregana_2023",
    "brenner_2016", "bronze_soldier_2007", "chamizal_1967", "channel_tunnel_1994",
    "dalai_lama_1959", "dehiba_2011", "derna_2015", "eagle_pass_2024", "eilat_2011",
    "free_movement_2024", "gamboru_2015", "gas_transit_2009", "gatekeeper_1995",
    "ghumdhum_2024", "green_march_1975", "gualeguaychu_2010", "hanish_1998",
    "jabal_dukhan_2009", "jarabulus_2016", "jarinje_posts_2011", "kagunga_2015",
    "kelbajar_1993", "korea_armistice_1953", "kutch_1965", "ladakh_patrols_2024",
    "las_manos_2009", "lesotho_1998", "majdal_shams_2011", "mogadishu_2007", "naqoura_2022",
    "ndjamena_2008", "nord_stream_2022", "ogaden_1978", "oncupinar_2016",
    "operation_intercept_1969", "oruc_reis_2020", "palma_2021", "panmunjom_1976",
    "panmunjom_summit_2018", "paracel_rig_2014", "parakram_2002", "pearl_river_bridge_2018",
    "rafah_wall_2008", "roraima_2018", "rukban_2016", "samjhauta_2007", "santa_marta_2010",
    "scarborough_2012", "se_la_1962", "senkaku_trawler_2010", "tanusevci_2001", "tarajal_2022",
    "timor_sea_2018", "tiran_sanafir_2017", "trebil_2014", "tuzla_2003", "upper_lars_2010",
    "yeonpyeong_2010", "zapad_2017",
    "zhenbao_1969",  # written for training by a5-a12 in the fourteenth round
    "abu_samra_2021", "abyei_2011", "afrin_2018", "banjska_2023", "berlin_sector_1961",
    "kaesong_2013", "kazungula_bridge_2021", "kessab_2014", "lebombo_2024",
    "melilla_fence_2022",  # heldout_m: measured once on 4ebd027, retired into dev
    "belet_hawo_2021", "chinshwehaw_2023", "cucuta_2019", "falklands_1982",
    "gibraltar_frontier_1985", "heihe_bridge_2022", "jarinje_2011", "khorramshahr_1982",
    "namanga_2020",
    "vovchansk_2024",  # heldout_n: measured once on 4ebd027, retired into dev
    "baga_2015", "bakhmut_2023", "barrier_opinion_2004", "batken_1999", "berlin_wall_1989",
    "botlikh_1999", "caprivi_1999", "chirundu_2020", "fassala_2024", "goa_1961", "golan_1973",
    "gorazde_1994", "grain_corridor_2022", "hamdayet_2020", "han_river_1950", "hyderabad_1948",
    "iran_iraq_1980", "iran_taliban_1998", "kalapani_2019", "kokang_2009", "lake_malawi_2012",
    "ledra_palace_2003", "malaba_2020", "matamoros_2019", "menaka_2022", "muse_2020",
    "prevlaka_2002", "prigorodny_1992", "rafah_crossing_2005", "rakhine_2012", "sand_war_1963",
    "sarajevo_airport_1992", "steel_1995", "sudzha_2024", "sukhumi_1993", "tak_bai_2004",
    "tumen_flood_2016", "vigilant_warrior_1994", "vukovar_1991",
    "yalu_1950",  # written for training by c8-c11 in the fifteenth round
    "agacher_1985", "all_clear_2003", "amgala_1976", "ankoko_1966", "atlantique_1999",
    "bajaur_1961", "barentu_2000", "bishkek_protocol_1994", "blace_1999", "cambodia_1978",
    "casamance_2022", "chiapas_camps_1982", "cuito_cuanavale_1988", "dokdo_2012",
    "drenica_1998", "el_adde_2016", "garoua_boulai_2014", "haji_pir_1965", "juba_2013",
    "just_cause_1989", "khalkhin_gol_1939", "kitaya_2020", "konfrontasi_1964", "laoshan_1984",
    "libya_egypt_1977", "mandera_2014", "mariel_1980", "migingo_2009", "naga_min_1978",
    "nepal_blockade_1989", "paracels_1974", "parsley_1937", "peshkepi_1994", "rafters_1994",
    "rom_klao_1988", "siachen_1984", "soberania_1978", "urgent_fury_1983", "veracruz_1914",
    "zarumilla_1941",  # written for training by c13-c16 in the fifteenth round
    "bukavu_2004", "dubrovnik_1991", "khafji_1991", "kherson_bridge_2022", "shumshu_1945",
    "shusha_2020", "sinai_1956", "south_lebanon_2000", "storm_1995",
    "taba_1989",  # heldout_o: measured once on 09a89a8, retired into dev
    "cho_la_1967", "ebola_closures_2014", "hans_island_2022", "hawar_2001", "kagera_1978",
    "kidal_2023", "laguna_del_desierto_1965", "mavi_marmara_2010", "perejil_2002",
    "stena_impero_2019",  # heldout_p: measured once on 09a89a8, retired into dev
    "anjar_2005", "apure_2021", "atambua_2000", "bocay_1988", "cassinga_1978", "chimoio_1977",
    "daglica_2007", "faya_1983", "garamba_2008", "goma_2012", "grodno_2020", "gwoza_2014",
    "haiti_1994", "idlib_2020", "isikveren_1991", "jaffna_1987", "jarinje_2021",
    "kaesong_liaison_2020", "kagitumba_1990", "kapikule_1989", "karm_al_qawadis_2014",
    "kiryat_shmona_2023", "kitona_1998", "kodori_2006", "kolwezi_1978", "kupiansk_2022",
    "laukkai_2015", "litani_1978", "luhamaa_2014", "maungdaw_2024", "mersad_1988", "mugunga_1996",
    "mutukula_1972", "pankisi_2002", "pathankot_2016", "pogonovo_2021", "prague_1968",
    "presevo_2001", "przewodow_2022", "qusayr_2013", "ramtha_1970", "rio_grande_2014",
    "taiwan_drills_2022", "taiwan_strait_1996", "tavush_2024", "vantage_1961",
    "yelnya_2021",  # written for training by d8-d12 in the sixteenth round
    "adjara_2004", "adre_2005", "andaman_2015", "angoor_adda_2008", "baramulla_1947",
    "barmal_2024", "chamdo_1950", "corfu_channel_1946", "cuba_missiles_1962", "dachen_1955",
    "estai_1995", "gali_2008", "gangneung_1996", "garissa_2015", "grammos_1949", "halabja_1988",
    "inates_2019", "khorog_2012", "kinmen_1958", "konna_2013", "kunashir_2010", "las_anod_2023",
    "leticia_1933", "mainila_1939", "manerplaw_1995", "miranshah_2014", "mirjaveh_2017",
    "mururoa_1995", "natuna_2020", "nll_1999", "nong_chan_1985", "pervomayskoye_1996",
    "praying_mantis_1988", "red_sea_2024", "san_juan_1859", "sehwan_2017", "sha_tau_kok_1967",
    "spin_boldak_2001", "sudetenland_1938",
    "trieste_1953",  # written for training by d13-d16 in the sixteenth round
    "balibo_1975", "bihac_1994", "crimea_2014", "debaltseve_2015", "ifni_1957", "kirkuk_2017",
    "lebanon_1982", "matola_1981", "paquisha_1981", "second_thomas_2023", "six_day_1967",
    "snake_island_2022", "tora_bora_2001", "umm_qasr_2003",
    "zaatari_2012",  # heldout_q: measured once on ef24663, retired into dev
    "ambalat_2005", "bakassi_1994", "bay_of_pigs_1961", "cheonan_2010", "goma_1994",
    "halaib_1992", "humera_2020", "iron_fist_2002", "moskovsky_1993", "pueblo_1968",
    "sierra_leone_1991", "srebrenica_1995", "tampa_2001", "termez_bridge_1989",
    "tunbs_1971",  # heldout_r: measured once on ef24663, retired into dev
    "abqaiq_2019", "aghdam_1993", "al_tanf_2017", "balakot_2019", "bosso_2016", "fotokol_2015",
    "four_day_war_2016", "gagra_1992", "kismayo_2012", "kunduz_2015", "longewala_1971",
    "maseru_1982", "mostar_1993", "nyadzonya_1976", "poonch_2021", "rafah_2012",
    "tielieketi_1969", "tororo_1976", "walong_1962",
    "zouerat_1977",  # written for training by e10, e11 in the seventeenth round
    "algiers_1975", "anschluss_1938", "arafura_1962", "balboa_1964", "barents_2010",
    "bessarabia_1940", "bougainville_1990", "chumar_2014", "corfu_1923", "dakhla_1979",
    "damara_2013", "desaguadero_2023", "druzhba_2007", "enerhodar_2022", "erbil_2024",
    "faw_1986", "fiume_1919", "gafsa_1980", "gatumba_2024", "gaza_fence_2018", "gleiwitz_1939",
    "goma_2025", "gualan_1954", "gyeongui_2024", "hainan_2001", "hauf_1975", "hermon_2024",
    "kabul_1979", "kakhovka_2023", "kanem_2021", "khasan_1938", "kinmen_2024", "lampedusa_2013",
    "lay_kay_kaw_2021", "male_1988", "manchuria_1945", "mariupol_2022", "maslenki_1940",
    "mataje_2018", "mbuzini_1986", "memel_1939", "mitrovica_2008", "monrovia_1990",
    "mukden_1931", "nogales_1918", "phnom_penh_2003", "qibya_1953", "ras_baalbek_2017",
    "reyhanli_2013", "roxham_2023", "rupununi_1969", "rusumo_1994", "sakiet_1958",
    "senkaku_2012", "suez_canal_1973", "vado_hondo_2021", "vanguard_bank_2019", "vlore_1997",
    "yamit_1982",
    "zap_2008",  # written for training by e12-e15 in the seventeenth round
)  # fmt: skip
"""Dev briefings that the type rules (`eventtype`, `senses`, `cuewords`, `nouns`,
`clauses`, unchanged since bcff5e2 but for general fixes made without reading these
briefings' misses) were never tuned on, so that the rules' figure on them is a blind one
(adana_1998's misses were read: its "shuttled" was read as "shut"). A round that reads
their misses to change the rules must take them out of this list: heldout_s's and
heldout_t's thirty, retired into dev in the eighteenth round, are not in it because their
blind misses led to that round's "stormed", "fleet" and "troops crossed" readings."""
LAST_RETIRED = (
    "acegua_1978", "bage_1894", "bunkeya_1892", "javakheti_1895", "kaspi_2008", "kasumbalesa_2024",
    "lagoa_mirim_1910", "livramento_2010", "marneuli_1993", "marneuli_2020", "nchelenge_2018",
    "ndola_1961", "pweto_2000", "rivera_2023", "spitak_1988", "atalaia_2022", "kirkenes_1993",
    "kunene_1887", "kursk_2000", "leticia_1930", "nakop_2020", "nikel_2020", "oihole_1917",
    "pasvik_1826", "petsamo_1920", "rundu_2000", "santa_clara_1975", "tabatinga_1851",
    "tabatinga_1991", "tabatinga_2019",
)  # fmt: skip
"""The blind sets retired into dev at the start of the current round (heldout_cg, _ch): only
their totals are read during the round, never their misses one by one, so that their
cross-validated figure stays a nearly blind check beside `RULES_UNSEEN`'s."""
MIN_COUNT = 2
PENALTY = 0.002
STEPS = 1600
"""Gradient steps: 400 left the fit short of its optimum; ten folds on the unseen briefings
gained with 800 and 1600 (docs/ingest.md, sixteenth round)."""
BALANCE = 0.5
"""Each example weighs (examples per class on average / examples of its class) ** BALANCE:
the rarer types (exercises, reopenings, infrastructure) are not swamped by the common
ones. 0.5 did better by ten folds than 0 or 1 (docs/ingest.md, sixteenth round)."""
SCALE = 0.5
"""The dense block's scale in the fit (`fit`): five folds gave +20 on unseen at 0.5, +39 at 1.0,
which flipped a pinned reading (docs/ingest.md,
twenty-sixth round)."""
DECIMALS = 4


@dataclass(frozen=True)
class Example:
    briefing: str
    expression: str
    label: str
    features: tuple[str, ...]
    rule: TypeCue
    """The rules' type for the same clause (`clause_rule`)."""
    vector: tuple[float, ...] = ()
    """The clause's dense block (`wordvectors.dense`); empty leaves the block out."""


def _occurrence(text: str, expression: str, places: list[str], doc: Any) -> int:
    """Where the key's expression is: in a sentence naming one of its places, else first."""
    starts, at = [], text.find(expression)
    while at >= 0:
        starts.append(at)
        at = text.find(expression, at + 1)
    if not starts:
        low = text.lower()
        at = low.find(expression.lower())
        if at < 0:
            raise ValueError(f"expression {expression!r} not in the text")
        starts = [at]
    for s in starts:
        span = doc.char_span(s, s + len(expression), alignment_mode="expand")
        sentence = span.sent.text.lower() if span is not None else ""
        if any(p.lower() in sentence for p in places):
            return s
    return starts[0]


def examples(folder: Path = DEV) -> list[Example]:
    """One example per key event of the briefings in `folder`, in file order."""
    out: list[Example] = []
    for path in sorted(folder.glob("*.key.json")):
        key = json.loads(path.read_text(encoding="utf-8"))
        text = path.with_name(path.name.replace(".key.json", ".txt")).read_text(encoding="utf-8")
        doc = nlp.parse(text)
        for ev in key["events"]:
            begin = _occurrence(text, ev["expression"], ev["places"], doc)
            end = begin + len(ev["expression"])
            out.append(
                Example(
                    briefing=path.name.replace(".key.json", ""),
                    expression=ev["expression"],
                    label=ev["event_type"],
                    features=tuple(features(doc, begin, end)),
                    rule=clause_rule(doc, begin, end),
                    vector=tuple(float(x) for x in wordvectors.dense(doc, begin, end)),
                )
            )
    return out


def fit(
    train: list[Example],
    with_rule: bool = False,
    penalty: float = PENALTY,
    steps: int | None = None,
    min_count: int | None = None,
    balance: float | None = None,
    scale: float | None = None,
) -> TypeModel:
    """Logistic regression on `train`: zero start, `STEPS` Nesterov gradient steps on the
    cross-entropy with each example weighted by its class's rarity (`BALANCE`); `steps`,
    `min_count`, `balance` and `scale` override the module's values for a cross-validated
    trial.

    The examples' dense blocks (`Example.vector`, the word vectors of `wordvectors.dense`)
    are fitted beside the sparse features by the same steps, times `SCALE` (under the same
    penalty, a larger scale pulls their weights less to zero); the stored weights take the
    scale in. Scale 0, or examples without a block, fit the sparse features alone.

    `with_rule=True` adds the rules' type for the clause (`example_features`), as the
    committed model reads it; `cross_validate_type_model.py` judges both."""
    steps = STEPS if steps is None else steps
    min_count = MIN_COUNT if min_count is None else min_count
    balance = BALANCE if balance is None else balance
    scale = SCALE if scale is None else scale
    widths = {len(e.vector) for e in train}
    width = widths.pop() if len(widths) == 1 and scale > 0 else 0
    xd = (
        np.array([e.vector for e in train], dtype=float) * scale
        if width
        else np.zeros((len(train), 0))
    )
    rows = [example_features(e, with_rule) for e in train]
    counts = Counter(f for r in rows for f in r)
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: k for k, f in enumerate(vocab)}
    classes = sorted({e.label for e in train})
    cls = {c: k for k, c in enumerate(classes)}
    n, k = len(train), len(classes)
    # The rows are sparse and binary: a row's scores are the sum of its features' weight
    # rows, summed by segments (numpy only; a dense matrix made fitting 20 times slower).
    cells = [(i, index[f]) for i, r in enumerate(rows) for f in sorted(set(r)) if f in index]
    ri = np.array([c[0] for c in cells], dtype=np.int64)
    ci = np.array([c[1] for c in cells], dtype=np.int64)
    filled = np.flatnonzero(np.bincount(ri, minlength=n))
    row_starts = np.searchsorted(ri, filled)
    by_feature = np.argsort(ci, kind="stable")
    feature_starts = np.searchsorted(ci[by_feature], np.arange(len(vocab)))
    y = np.zeros((n, k))
    y[np.arange(n), [cls[e.label] for e in train]] = 1.0
    per_class = y.sum(axis=0)
    weight = (y @ (per_class.sum() / (k * per_class)) ** balance)[:, None]
    weight /= weight.sum()
    w = np.zeros((len(vocab), k))
    b = np.zeros(k)
    d = np.zeros((width, k))
    vw, vb, vd = w.copy(), b.copy(), d.copy()
    # step 1/L for the mean cross-entropy: L <= (max active features per row + the
    # block's largest squared norm) / 2 + penalty
    reach = float(np.bincount(ri, minlength=n).max()) + float((xd**2).sum(axis=1).max(initial=0))
    rate = 1.0 / (0.5 * reach + penalty)
    for _ in range(steps):
        lw, lb, ld = w + 0.9 * vw, b + 0.9 * vb, d + 0.9 * vd
        z = np.zeros((n, k))
        z[filled] = np.add.reduceat(lw[ci], row_starts, axis=0)
        z += lb
        if width:
            z += xd @ ld
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        g = (p - y) * weight
        gw = np.add.reduceat(g[ri[by_feature]], feature_starts, axis=0) + penalty * lw
        gb = g.sum(axis=0)
        gd = xd.T @ g + penalty * ld
        vw, vb, vd = 0.9 * vw - rate * gw, 0.9 * vb - rate * gb, 0.9 * vd - rate * gd
        w, b, d = w + vw, b + vb, d + vd
    weights = {
        f: tuple(round(float(v), DECIMALS) for v in w[j])
        for f, j in index.items()
        if np.abs(w[j]).max() >= 0.5 * 10**-DECIMALS and not f.startswith(TUNED)
    }
    meta = {
        "trained_on": f"{len({e.briefing for e in train})} briefings, {n} dated events",
        "penalty": penalty,
        "steps": steps,
        "min_count": min_count,
        "balance": balance,
        "dense_scale": scale if width else 0,
        "rule_feature": with_rule,
        "regenerate": "python scripts/train_type_model.py",
    }
    return TypeModel(
        classes=tuple(classes),
        bias=tuple(round(float(v), DECIMALS) for v in b),
        weights=weights,
        meta=meta,
        dense=tuple(tuple(round(float(v) * scale, DECIMALS) for v in row) for row in d),
    )


TUNED = "tuned_"
"""Prefix of the rules' type in an example from a briefing the rules were tuned on."""


def example_features(e: Example, with_rule: bool = False) -> list[str]:
    """An example's features: its clause's, and with `with_rule` the rules' type.

    The rules were written while reading most of dev and are right far more often there
    than on text nobody tuned them for (about 70 % against 52 %). So the rules' type is the
    feature a new text gives (`rule_features`) only in examples from `RULES_UNSEEN`: how
    far the model trusts it is learnt from briefings where the rules read as they do on
    new text. Elsewhere it is a feature of its own (`tuned_rule:…`), never seen in use.
    """
    if not with_rule:
        return list(e.features)
    rule = rule_features(e.rule)
    if e.briefing not in RULES_UNSEEN:
        rule = [TUNED + f for f in rule]
    return [*e.features, *rule]


LAST_DIGIT = 10**-DECIMALS
"""How far a retrained number may stand from the committed one. numpy's vectorised sums
add in an order that depends on where an array happens to lie in memory, so a number
ending in 5 at the fifth decimal can round either way from one run to the next."""


def differences(committed: str, retrained: str) -> list[str]:
    """What sets two model files apart by more than one unit of their last decimal: other
    classes or settings, or a number (a missing feature's weights read as zeros)."""
    try:
        a, b = json.loads(committed), json.loads(retrained)
    except json.JSONDecodeError as err:
        return [f"not JSON: {err}"]
    out = [f"{part}: {a.get(part)} -> {b.get(part)}" for part in ("classes", "meta")
           if a.get(part) != b.get(part)]  # fmt: skip
    if out:
        return out
    if len(a["dense"]) != len(b["dense"]):
        return [f"dense rows: {len(a['dense'])} -> {len(b['dense'])}"]
    zeros = [0.0] * len(b["classes"])
    rows = {("bias",): (a["bias"], b["bias"])}
    pairs = zip(a["dense"], b["dense"], strict=True)
    rows |= {("dense", str(i)): pair for i, pair in enumerate(pairs)}
    for f in sorted(set(a["weights"]) | set(b["weights"])):
        rows[("weights", f)] = (a["weights"].get(f, zeros), b["weights"].get(f, zeros))
    for where, (old, new) in rows.items():
        if any(abs(x - y) > 1.5 * LAST_DIGIT for x, y in zip(old, new, strict=True)):
            out.append(f"{' '.join(where)}: {old} -> {new}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed file")
    ap.add_argument("--penalty", type=float, default=PENALTY)
    args = ap.parse_args(argv)
    data = examples()
    text = fit(data, with_rule=True, penalty=args.penalty).to_json()
    if args.check:
        committed = MODEL_PATH.read_text(encoding="utf-8") if MODEL_PATH.exists() else "{}"
        apart = differences(committed, text)
        print(f"{MODEL_PATH.name}: {'DIFFERS from retraining' if apart else 'reproduced'}")
        for line in apart[:10]:
            print(f"  {line}")
        return 1 if apart else 0
    MODEL_PATH.write_text(text, encoding="utf-8")
    print(f"wrote {MODEL_PATH} ({len(data)} events)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
