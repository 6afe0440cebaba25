"""Inter-annotator agreement: pure domain code (numpy, no Qt, no SQL).

Start with `compute_agreement(documents)`, which returns an `AgreementReport` (`to_dict()`,
`to_csv_rows()`). The coefficient functions are usable on their own:

* `coding`: Cohen's kappa, Fleiss' kappa, Krippendorff's alpha (nominal, missing data);
* `unitizing`: Krippendorff's unitizing alpha (alpha_u) on character offsets;
* `spans`: exact and lenient span matching (precision, recall, F1);
* `gamma`: Mathet et al.'s gamma, gamma-k and gamma-cat (best alignment in `gamma_alignment`).
"""

from annotator.agreement.coding import (
    cohen_kappa,
    cohen_kappa_from_confusion,
    encode_values,
    fleiss_kappa,
    fleiss_kappa_from_table,
    gwet_ac1,
    gwet_ac1_from_table,
    krippendorff_alpha_nominal,
)
from annotator.agreement.compute import compute_agreement
from annotator.agreement.gamma_report import GammaOptions
from annotator.agreement.report import (
    CSV_COLUMNS,
    SCHEMA,
    AgreementReport,
    DocumentAgreement,
    Figure,
    GammaAgreement,
    LabelAgreement,
    PairAgreement,
    SpanAgreement,
    SpanScores,
)
from annotator.agreement.unitizing import UnitizingResult, unitizing_alpha
from annotator.agreement.units import AgreementDocument, CorpusColumns

__all__ = [
    "CSV_COLUMNS",
    "SCHEMA",
    "AgreementDocument",
    "CorpusColumns",
    "AgreementReport",
    "DocumentAgreement",
    "Figure",
    "GammaAgreement",
    "GammaOptions",
    "LabelAgreement",
    "PairAgreement",
    "SpanAgreement",
    "SpanScores",
    "UnitizingResult",
    "cohen_kappa",
    "cohen_kappa_from_confusion",
    "compute_agreement",
    "encode_values",
    "fleiss_kappa",
    "fleiss_kappa_from_table",
    "gwet_ac1",
    "gwet_ac1_from_table",
    "krippendorff_alpha_nominal",
    "unitizing_alpha",
]
