"""The views of the app: what a page and its lecture step draw, one topic a module.

Each view takes what the core computed and draws it (figures, tables,
metrics), its element keys starting with the prefix it is given:
``explorer`` or ``lecture`` for :mod:`.softmax`, and so on. The page and the
guided lecture call the same view, so a change to it is made once. The live
view that follows a slider as it moves is a custom component of its own
(:mod:`softmax_ui.live`).

- :mod:`.softmax`: softmax and hardmax bars, the step table, what T does.
- :mod:`.loss`: the loss term by term, −log p, dz[L], steps on z, the check.
- :mod:`.two_class`: C = 2, the softmax beside σ(z₁ − z₂).
- :mod:`.training`: J over the iterations, regions, Y and Ŷ, the confusion.
"""
