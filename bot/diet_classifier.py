"""Rasa's DIETClassifier, loaded for prediction without a training step.

To give its TensorFlow model weights of the right shapes, Rasa's
`RasaModel.load` trains it on one example before it reads the trained weights:
it traces the whole training step (the forward pass, the gradients of every
loss, Adam's update) and creates Adam's two slot variables per weight. None of
that is used to predict. Here a prediction builds the weights instead, the
trained weights are read over them, and the label embeddings that
`prepare_for_predict` keeps are computed again from the trained weights. The
predictions are the same (tests/e2e/test_diet_loading.py). That step was 78 %
of Rasa's start-up (py-spy); without it, on the same model, Rasa answered after
16 s instead of 44 s and held 0.79 GB instead of 1.33 GB (README "Measuring").

Training, fine-tuning (`rasa train --finetune` needs the optimizer) and
everything else are Rasa's. `RELIED_ON_SHA256` is the SHA-256 of the source of
`RasaModel.load` (which this replaces) and of the two methods it relies on, in
Rasa 3.6.21: when an upgrade changes one, Rasa's own load runs (with a
warning) and the unit test fails, so the replacement is checked again.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
from typing import Any, Optional, Text, Type

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIET, DIETClassifier
from rasa.utils.tensorflow.constants import RUN_EAGERLY
from rasa.utils.tensorflow.model_data import RasaModelData
from rasa.utils.tensorflow.models import RasaModel

logger = logging.getLogger(__name__)

# What the replacement stands in for or relies on, as in Rasa 3.6.21.
RELIED_ON = (RasaModel.load, RasaModel._rasa_predict, DIET.prepare_for_predict)
RELIED_ON_SHA256 = "1dacf68b463f5c1bd3e3f10c2f2afd9fefe1e7320eea5bedb9a8790d6b3fd5d8"


def relied_on_sha256() -> str:
    sources = "".join(inspect.getsource(function) for function in RELIED_ON)
    return hashlib.sha256(sources.encode()).hexdigest()


class PredictionLoadedDIET(DIET):
    @classmethod
    def load(
        cls,
        model_file_name: Text,
        model_data_example: RasaModelData,
        predict_data_example: Optional[RasaModelData] = None,
        finetune_mode: bool = False,
        *args: Any,
        **kwargs: Any,
    ) -> RasaModel:
        if finetune_mode or predict_data_example is None:
            return super().load(
                model_file_name,
                model_data_example,
                predict_data_example,
                finetune_mode,
                *args,
                **kwargs,
            )
        if relied_on_sha256() != RELIED_ON_SHA256:
            logger.warning(
                "RasaModel.load, _rasa_predict or DIET.prepare_for_predict changed "
                "in this Rasa version: DIET loads Rasa's way until "
                "bot/diet_classifier.py is checked against them."
            )
            return super().load(
                model_file_name, model_data_example, predict_data_example, False,
                *args, **kwargs,
            )  # fmt: skip
        model = cls(*args, **kwargs)
        # One prediction run eagerly builds the weights and traces nothing: a
        # traced graph would keep the label embeddings of the untrained weights.
        model.compile(run_eagerly=True)
        model.run_inference(predict_data_example)
        # The optimizer's values in the checkpoint have nothing to restore into.
        model.load_weights(model_file_name).expect_partial()
        model.prepare_for_predict()  # the label embeddings, from trained weights
        model.run_eagerly = bool(kwargs.get("config", {}).get(RUN_EAGERLY))
        # As Rasa's load: trace the prediction graph now, not on the first message.
        model.run_inference(predict_data_example)
        return model


@DefaultV1Recipe.register(
    [
        DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER,
        DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR,
    ],
    is_trainable=True,
)
class PredictionLoadedDIETClassifier(DIETClassifier):
    """DIETClassifier whose model loads without a training step (see above)."""

    @staticmethod
    def model_class() -> Type[RasaModel]:
        return PredictionLoadedDIET
