"""English strings. Keys are ``page.item``; ``{name}`` marks a value filled in."""

STRINGS: dict[str, str] = {
    # Shared
    "chrome.presenter": "Presenter mode",
    "chrome.presenter_help": "Large type and thick lines for a projector (?present=1).",
    "chrome.show_math": "Show the math and the code that computes it",
    "chrome.link_notice": (
        "Some values in this link could not be used and were replaced by the nearest"
        " valid ones (or the defaults): {keys}."
    ),
    "class.0": "other",
    "class.1": "cat",
    "class.2": "dog",
    "class.3": "baby chick",
    "class.n": "class {k}",
    "widgets.C": "Number of classes C",
    "widgets.names": "Class names (comma-separated)",
    "widgets.names_help": "Leave empty for the lecture's names; blanks keep the default.",
    "widgets.z_entry": "z{k} · {name}",
    "widgets.reset": "Lecture example",
    "widgets.randomize": "Random z",
    # Classroom links (softmax_ui/classroom.py)
    "classroom.link": "Link to this view",
    "classroom.link_help": (
        "The link opens this page as it is now. Controls you hide here are hidden"
        " for whoever opens it, and keep the values they have now."
    ),
    "classroom.copy": "Copy link",
    "classroom.copied": "Copied",
    "classroom.copy_by_hand": "Select the link and copy it",
    "classroom.hide": "Hide in the link",
    "classroom.hide_placeholder": "Nothing hidden",
    "classroom.hide_help": (
        "They disappear from this page at once, so you see what students will see."
    ),
    "classroom.nothing_to_hide": "This page has no controls to hide.",
    "classroom.hidden_note": "Some controls are hidden in this link.",
    "classroom.show_all": "Show all",
    "classroom.step_navigation": "Step navigation (previous, next, step numbers)",
    "classroom.z1": "z₁",
    "classroom.z2": "z₂",
    "table.class": "class",
    "table.t": "t = e^z",
    "table.t_shifted": "t = e^(z − s)",
    "table.a": "a = t / Σt",
    "table.hardmax": "hardmax",
    "table.term": "−y_j log ŷ_j",
    "table.dz_formula": "ŷ − y (formula)",
    "table.dz_numeric": "∂L/∂z (finite difference)",
    "table.difference": "|difference|",
    # Home
    "home.nav": "Home",
    "home.title": "Training a softmax classifier",
    "home.intro": (
        "Softmax classification sorts an input into one of **C** classes, not just"
        " two. This explorer lets you see and touch every step of the lecture: the"
        " softmax activation and the hardmax it is named against, the case C = 2"
        " (logistic regression), the loss and the cost, and gradient descent started"
        " by $dz^{[L]} = \\hat y - y$."
    ),
    "home.notation": "Notation",
    "home.notation_body": (
        "- The output layer computes $z^{[L]}$, a $C \\times 1$ column: one number"
        " per class. The running example has $C = 4$: 0 other, 1 cat, 2 dog,"
        " 3 baby chick.\n"
        "- The activation gives $a^{[L]} = \\hat y$, a column of probabilities that"
        " sum to 1.\n"
        "- A label $y$ is one-hot. For $m$ examples the columns stand side by side:"
        " $Y = [y^{(1)} \\cdots y^{(m)}]$ and $\\hat Y$ are both $C \\times m$.\n"
        "- $J$ is the cost: the average loss over the $m$ training examples."
    ),
    "home.pages": "Pages",
    "home.card_explorer": (
        "Move the entries of $z^{[L]}$ and watch softmax and hardmax side by side,"
        " with the lecture's steps $t = e^z$, $\\Sigma t$, $a = t / \\Sigma t$."
    ),
    "home.card_loss": (
        "The loss $L = -\\sum_j y_j \\log \\hat y_j$ term by term, the gradient"
        " $dz = \\hat y - y$, and gradient steps that raise the true class's"
        " probability."
    ),
    "home.card_logistic": (
        "With $C = 2$ the two outputs always sum to 1, and softmax is exactly the"
        " sigmoid $\\sigma(z_1 - z_2)$ of logistic regression."
    ),
    "home.card_lecture": (
        "The whole lecture in ten steps, from z[L] to training, each with its live"
        " view. Next and previous with the arrow keys or a presenter clicker."
    ),
    "home.card_training": (
        "Train a softmax classifier by gradient descent: the cost $J$ over the"
        " iterations, the decision regions, and $Y$, $\\hat Y$ as $C \\times m$."
    ),
    # Explorer
    "explorer.nav": "Softmax vs hardmax",
    "explorer.title": "Softmax vs hardmax",
    "explorer.intro": (
        "Set the output layer's $z^{[L]}$. Softmax turns it into probabilities,"
        " $t = e^{z}$ and $a^{[L]} = t / \\sum_j t_j$; hardmax puts a 1 at the largest"
        " $z$ and 0 elsewhere. The lecture's example is $z^{[L]} = [5, 2, -1, 3]$."
    ),
    "explorer.temperature": "Temperature T",
    "explorer.temperature_help": (
        "Softmax of z / T. Small T sharpens it toward hardmax; large T flattens it"
        " toward 1/C."
    ),
    "explorer.t_is_one": "T = 1 is the lecture's softmax.",
    "explorer.t_note": (
        "T = {T}: this is softmax(z / T). As T → 0 it approaches hardmax; as T grows"
        " it approaches the uniform 1/C. T = 1 is the lecture's softmax."
    ),
    "explorer.softmax_bar": "softmax a[L]",
    "explorer.hardmax_bar": "hardmax",
    "explorer.chart_title": "Softmax and hardmax of z[L]",
    "explorer.steps": "The lecture's steps",
    "explorer.sum_t": "**Σt = {total}**",
    "explorer.shift_note": (
        "e^z would overflow here, so every z is shifted by s = {shift} first: t is"
        " e^(z − s) and Σt is scaled by e^(−s). The probabilities a are unchanged."
    ),
    # Loss
    # An update rule (here and in the lecture's captions) is one group in
    # braces, in both languages: KaTeX may break a line after any − or ←
    # outside a group, and projected, "(ŷ −" once ended a line, "y)" began the
    # next.
    "loss.nav": "Loss and dz",
    "loss.title": "The loss L and the gradient dz[L] = ŷ − y",
    "loss.intro": (
        "For one example, $L(\\hat y, y) = -\\sum_{j=1}^{C} y_j \\log \\hat y_j$. With a"
        " one-hot $y$ every term with $y_j = 0$ vanishes, leaving $-\\log$ of the true"
        " class's probability."
    ),
    "loss.source": "Where ŷ comes from",
    "loss.source_lecture": "The lecture's ŷ = [0.3, 0.2, 0.1, 0.4]",
    "loss.source_logits": "softmax of z (set z below)",
    "loss.true_class": "True class",
    "loss.y_vector": "**y** = [{y}]",
    "loss.y_hat_vector": "**ŷ** = [{y_hat}]",
    "loss.value": "Loss L",
    "loss.only_true_term": (
        "Only the true class's term is left: L = −log ŷ_{j} = −log {p}."
    ),
    "loss.curve_title": "L = −log p of the true class's probability p",
    "loss.curve_x": "p = ŷ of the true class",
    "loss.curve_y": "L",
    "loss.dz_title": "dz[L] = ŷ − y",
    "loss.descent": "Gradient steps on z",
    "loss.descent_intro": (
        "Each step moves ${z \\leftarrow z - \\alpha\\, dz^{[L]}}$. L falls and the true"
        " class's probability rises toward 1: minimizing L is maximum likelihood."
    ),
    "loss.step_size": "Step size α",
    "loss.take_step": "Take a gradient step on z",
    "loss.reset_steps": "Start over",
    "loss.steps_taken": "Steps taken",
    "loss.trace_title": "L and ŷ of the true class, step by step",
    "loss.trace_loss": "L",
    "loss.trace_p": "ŷ of {name}",
    "loss.trace_x": "step",
    "loss.check": "Check: dz from the formula against a numerical derivative",
    # Logistic
    "logistic.nav": "C = 2 is logistic",
    "logistic.title": "C = 2: softmax is logistic regression",
    "logistic.intro": (
        "With two classes softmax outputs two numbers that always sum to 1, so one of"
        " them is redundant. The first is exactly the sigmoid of $z_1 - z_2$, the way"
        " logistic regression computes its single output."
    ),
    "logistic.a1": "softmax output 1",
    "logistic.a2": "softmax output 2",
    "logistic.sigma": "σ(z₁ − z₂)",
    "logistic.sum": "Output 1 + output 2 = **{total}**",
    "logistic.curve_title": "Softmax output 1 and σ(z₁ − z₂) coincide",
    "logistic.curve_softmax": "softmax([z₁, z₂])₁",
    "logistic.curve_sigma": "σ(z₁ − z₂)",
    "logistic.curve_x": "z₁ − z₂",
    "logistic.derivation": (
        "Divide the top and bottom by $e^{z_1}$:"
        " $\\dfrac{e^{z_1}}{e^{z_1} + e^{z_2}} = \\dfrac{1}{1 + e^{-(z_1 - z_2)}}"
        " = \\sigma(z_1 - z_2)$."
    ),
    # Training
    "training.nav": "Training",
    "training.title": "Training: the cost J over gradient descent",
    "training.intro": (
        "Batch gradient descent on $J = \\frac{1}{m}\\sum_i L(\\hat y^{(i)}, y^{(i)})$,"
        " started at every step by $dZ^{[L]} = \\hat Y - Y$. With no hidden layer this"
        " is softmax regression, the lecture's model."
    ),
    "training.data": "Data",
    "training.dataset": "Data set",
    "training.dataset_blobs": "Blobs",
    "training.dataset_spirals": "Spirals",
    "training.dataset_upload": "Upload a CSV",
    "training.upload": "CSV file: feature columns and a label column",
    "training.upload_help": (
        "A .csv, .tsv or .txt file (UTF-8, UTF-16, Big5 or Windows-1252; commas,"
        " semicolons or tabs) with numeric feature columns and one label column"
        " (named label, class or y, else the one column of words, else the last)."
        " Labels may be words. A header row is optional; a first column that"
        " numbers the rows is left out, and so are rows with a missing value."
        " 2 to 10 classes, up to 1000 features, names up to 200 characters, up to"
        " 20 MB; of a longer file, 3000 rows or fewer are used."
    ),
    "training.upload_waiting": "Choose a CSV file to train on.",
    "training.upload_error": "This file cannot be used: {message}",
    "training.upload_read": (
        "Read m = {m} examples with n = {n} features and C = {C} classes (features"
        " scaled to mean 0, standard deviation 1)."
    ),
    "training.upload_index_dropped": (
        "Left out the first column, {name}: it only numbers the rows (1, 2, 3, …)."
    ),
    "training.upload_index_unnamed": (
        "Left out the first column: it has no name and only numbers the rows"
        " (0, 1, 2, …)."
    ),
    "training.upload_header_made": (
        "The file has no header row: its first row is data. The features are named"
        " x1 … x{n}."
    ),
    "training.upload_label_column": (
        "Labels from column {name}, the one column that holds words."
    ),
    "training.upload_missing": (
        "Rows left out for a missing value (empty, NA, NaN or ?): {rows} ({count}"
        " in all)."
    ),
    "training.upload_subsampled": (
        "The file has {rows} rows; training uses {m} of them, drawn at random (the"
        " same ones every time), so that it stays quick for everyone."
    ),
    "training.m": "Examples m",
    "training.seed": "Random seed",
    "training.model": "Model and gradient descent",
    "training.hidden": "Hidden units",
    "training.hidden_help": (
        "0 is softmax regression, Z = W X + b (the lecture). More units add one"
        " hidden layer before the softmax layer."
    ),
    "training.activation": "Hidden activation",
    "training.learning_rate": "Learning rate α",
    "training.iterations": "Iterations",
    "training.progress": "Gradient descent: step {it} of {of}",
    "training.diverged": (
        "Gradient descent diverged at iteration {it}: the learning rate is too large,"
        " so J grew instead of falling. The curve stops there; choose a smaller"
        " learning rate."
    ),
    "training.iteration": "Show iteration",
    "training.iteration_help": "Scrub through training: the J marker and the regions.",
    "training.cost_start": "J at the start",
    "training.cost_now": "J at iteration {it}",
    "training.accuracy_now": "Training accuracy",
    "training.cost_title": "Cost J by iteration",
    "training.cost_axis": "cost J",
    "training.accuracy_axis": "training accuracy",
    "training.iteration_axis": "iteration",
    "training.regions_title": "Regions at iteration {it}",
    "training.no_regions": (
        "The data has {n} features; decision regions are drawn for 2 features only."
    ),
    "training.matrices": "Y and Ŷ are C × m",
    "training.matrices_intro": (
        "Each column is one example: $Y$ holds the one-hot labels, $\\hat Y$ the"
        " predicted probabilities. Shown: the first columns of the {C} × {m} matrices."
    ),
    "training.Y_title": "Y ({C} × {m})",
    "training.Y_hat_title": "Ŷ ({C} × {m})",
    "training.download": "Download J and accuracy (CSV)",
    "training.test_share": "Held-out test share",
    "training.test_share_help": (
        "Keep this share of the examples out of training, to see how the classifier"
        " does on examples it never learned from. 0 % trains on all of them, as in"
        " the lecture."
    ),
    "training.l2": "L2 regularization λ (beyond the lecture)",
    "training.l2_help": (
        "Not in the lecture: J gains (λ / 2m) Σ‖W‖², which keeps the weights small."
        " 0 is the lecture's cost."
    ),
    "training.test_cost_now": "Test J at iteration {it}",
    "training.test_accuracy_now": "Test accuracy",
    "training.train_cost_axis": "training cost J",
    "training.test_cost_axis": "test cost J",
    "training.test_accuracy_axis": "test accuracy",
    "training.test_points": "test examples",
    "training.confusion_test": "Confusion matrix on the test set",
    "training.confusion_train": "Confusion matrix on the training set",
    "training.confusion_title": "Iteration {it}: {m} examples",
    "training.true_class": "true class",
    "training.predicted_class": "predicted class",
    "training.confusion_note": (
        "Each row is a true class, each column the class the classifier predicts"
        " (the largest entry of ŷ). The diagonal holds the **{right}** of **{m}**"
        " examples it gets right."
    ),
    "training.confusion_no_test": (
        "Set a held-out test share to see it on examples the classifier never"
        " trained on."
    ),
    "training.export": "Take the trained classifier with you",
    "training.export_intro": (
        "The parameters W and b at iteration {it}, as a numpy `.npz` file or as"
        " JSON."
    ),
    "training.export_npz": "Download the parameters (.npz)",
    "training.export_json": "Download the parameters (JSON)",
    "training.export_snippet": (
        "This numpy code loads the `.npz` file and computes Ŷ for the {shown}"
        " examples of the heatmaps above: it prints the Ŷ shown there."
    ),
    # Lecture
    "lecture.nav": "Guided lecture",
    "lecture.title": "The lecture, step by step",
    "lecture.previous": "Previous",
    "lecture.next": "Next",
    "lecture.step_heading": "Step {n} of {total} · {title}",
    "lecture.notation_title": "Notation: the output layer's z[L]",
    "lecture.notation_caption": (
        "The output layer computes $z^{[L]}$, a $C \\times 1$ column with one number"
        " per class. The running example has $C = 4$ classes (0 other, 1 cat, 2 dog,"
        " 3 baby chick) and $z^{[L]} = [5, 2, -1, 3]$. A label $y$ is one-hot; the"
        " prediction $\\hat y = a^{[L]}$ is a column of probabilities."
    ),
    "lecture.softmax_title": "Softmax: t = e^z, then a = t / Σt",
    "lecture.softmax_caption": (
        "First a temporary variable $t = e^{z^{[L]}}$, element by element; then"
        " $a^{[L]} = t / \\sum_j t_j$, so the entries sum to 1. For"
        " $z^{[L]} = [5, 2, -1, 3]$: $t = [148.4, 7.4, 0.4, 20.1]$,"
        " $\\sum_j t_j = 176.3$ and $a^{[L]} = [0.842, 0.042, 0.002, 0.114]$. The"
        " largest $z$ (5) gets the largest probability."
    ),
    "lecture.hardmax_title": "Hardmax, and why softmax is “soft”",
    "lecture.hardmax_caption": (
        "Hardmax puts a 1 where $z$ is largest and 0 everywhere else:"
        " $[5, 2, -1, 3] \\to [1, 0, 0, 0]$. Softmax is the gentler mapping from $z$"
        " to probabilities, hence its name."
    ),
    "lecture.logistic_title": "C = 2 is logistic regression",
    "lecture.logistic_caption": (
        "Softmax regression generalizes logistic regression from 2 classes to $C$."
        " With $C = 2$ it outputs two numbers, such as 0.842 and 0.158. They always"
        " sum to 1, so one is redundant, and the first is exactly"
        " $\\sigma(z_1 - z_2)$: the way logistic regression computes its single"
        " output."
    ),
    "lecture.loss_title": "The loss of one example",
    "lecture.loss_caption": (
        "$L(\\hat y, y) = -\\sum_{j=1}^{C} y_j \\log \\hat y_j$. For a cat,"
        " $y = [0, 1, 0, 0]$, and $\\hat y = [0.3, 0.2, 0.1, 0.4]$ every term with"
        " $y_j = 0$ vanishes, leaving $L = -\\log \\hat y_2 = -\\log 0.2 \\approx"
        " 1.609$. The network gives the true class only 20%: it is doing badly."
    ),
    "lecture.likelihood_title": "Minimizing L is maximum likelihood",
    "lecture.likelihood_caption": (
        "To make $L = -\\log \\hat y_2$ small, gradient descent must make"
        " $\\hat y_2$, the true class's probability, as large as it can be (at"
        " most 1). Each step moves ${z \\leftarrow z - \\alpha\\,(\\hat y - y)}$: L falls"
        " and $\\hat y_2$ rises. This is a form of maximum likelihood estimation."
    ),
    "lecture.cost_title": "The cost J over the training set",
    "lecture.cost_caption": (
        "$J = \\frac{1}{m}\\sum_{i=1}^{m} L(\\hat y^{(i)}, y^{(i)})$, the average loss"
        " over the $m$ training examples, is what gradient descent minimizes. Each"
        " bar is one example's loss and the dashed line is their mean, J. Move the"
        " iteration to see training lower it."
    ),
    "lecture.matrices_title": "Y and Ŷ are C × m",
    "lecture.matrices_caption": (
        "Vectorized, the examples stand side by side:"
        " $Y = [y^{(1)}\\ y^{(2)} \\cdots y^{(m)}]$ is $C \\times m$, and so is"
        " $\\hat Y$. Column (1) is the lecture's cat, $y^{(1)} = [0, 1, 0, 0]$ with"
        " $\\hat y^{(1)} = [0.3, 0.2, 0.1, 0.4]$; the next columns are training"
        " examples and the trained model's predictions."
    ),
    "lecture.gradient_title": "dz[L] = ŷ − y starts backpropagation",
    "lecture.gradient_caption": (
        "$dz^{[L]} = \\partial J / \\partial z^{[L]} = \\hat y - y$, a $C \\times 1$"
        " vector ($\\hat Y - Y$, $C \\times m$, vectorized), starts backpropagation;"
        " frameworks derive it for you. For the lecture's example it is"
        " $[0.3, -0.8, 0.1, 0.4]$, negative only at the true class, and a numerical"
        " derivative agrees."
    ),
    "lecture.training_title": "Training: J over the iterations",
    "lecture.training_caption": (
        "Softmax regression on 300 points of 4 classes, trained by gradient descent"
        " on $J$, each step started by $dZ^{[L]} = \\hat Y - Y$. J falls and the"
        " classes separate: softmax classification sorts an input into one of $C$"
        " classes, not just two."
    ),
    "lecture.z_title": "z[L], one number per class (4 × 1)",
    "lecture.descent_steps": "Gradient steps on z",
    "lecture.cost_value": "J at iteration {it}",
    "lecture.example_axis": "example i",
    "lecture.loss_axis": "L(ŷ(i), y(i))",
    "lecture.losses_title": "The loss of each of the m = {m} examples, iteration {it}",
    "lecture.columns_shown": "Columns shown",
    # Live view (softmax_ui/live.py)
    "live.hint": "Drag a slider: the bars and the table follow it.",
    "live.hint_follow": "Drag z₁ or z₂: the bars and the table follow.",
    "live.drag_z": "Drag z{k} · {name}",
    "live.drag_t": "Drag T",
    "live.sum_t": "Σt",
    "live.two_class_title": "The two softmax outputs",
    "live.python_view": "The same numbers from Python (softmax_core)",
    "live.python_view_help": (
        "The view above is drawn in your browser while a slider moves; these are"
        " computed on the server by softmax_core when you let go."
    ),
    # After a server restart (softmax_ui/reconnect.py)
    "reconnect.title": "Connection lost",
    "reconnect.message": "The app's server does not answer. This page comes back by itself, as it was, once the server runs again.",
    "reconnect.command": "make run",
    # The file picker's own words (Streamlit's; in English they stay its own)
    "reconnect.uploader_drop": "Drag and drop a file here",
    "reconnect.uploader_browse": "Browse files",
    "reconnect.uploader_upload": "Upload",
    "reconnect.uploader_per_file": "{size} per file{types}",
    # Live training lab (softmax_ui/lab.py, softmax_ui/hand_points.py)
    "lab.play": "Play",
    "lab.pause": "Pause",
    "lab.rewind": "Rewind to iteration 0",
    "lab.step": "Step {n} iterations on",
    "lab.speed": "Speed",
    "lab.speed_unit": "{n} it/s",
    "lab.iteration_of": "Iteration {n} of {m}",
    "lab.shading": "Regions:",
    "lab.softmax": "softmax",
    "lab.hardmax": "hardmax",
    "lab.cost": "J",
    "lab.accuracy": "Training accuracy",
    "lab.test_cost": "Test J",
    "lab.test_accuracy": "Test accuracy",
    "lab.iteration_axis": "iteration",
    "lab.y_hat": "Ŷ of the first {k} examples (true class outlined)",
    "lab.example": "example",
    "lab.regions": "Regions at iteration {it}",
    "lab.curve": "J and accuracy, growing as training plays",
    "lab.diverged": "diverges at {it}",
    "lab.add_class": "Click the plane to add a point of",
    "lab.clear": "Clear",
    "lab.back": "Back to the data set",
    "lab.edit_hint": (
        "Click a point, shift-click or right-click near one to remove it. Training"
        " starts again from the points, and the link carries them."
    ),
    "lab.point_count": "{n} points",
    "lab.too_many": "At most 500 points by hand.",
    "lab.no_plane": "The plane is drawn for data with two features.",
    "lab.no_run": "No points to train on: click the plane to add some.",
    "lab.highlight": "example",
    "lab.points": "Points placed by hand",
    "lab.title": "Watch it learn",
    "lab.intro": (
        "Press play (or the space bar): J falls, the regions and Ŷ follow, one"
        " iteration at a time. Shading by softmax pales where the model is unsure."
    ),
    "lab.hand_active": "Training on {m} points placed by hand (in the link).",
    "lab.hand_refused": (
        "Left out of the link's points, which are not `class.x.y` with x, y in"
        " hundredths: {parts}"
    ),
    "lab.hand_dropped": "{count} points past the first 500 are left out.",
    "lab.hand_beyond_c": (
        "{count} points of classes beyond C = {C} are left out of training: raise C"
        " to train on them."
    ),
    "lab.hand_one_class": "Only one class among the points: every region is that class.",
    "lab.report": "The run as figures: a scrubber, J and the regions",
    # Inside the model (softmax_ui/views/inside.py, parameters.py)
    "inside.title": "Inside the model",
    "inside.example": "Selected example",
    "inside.example_name": "example ({i})",
    "inside.diverged_mark": "diverging from iteration {it}",
    "inside.diverged_plain": "J stops coming down at iteration {it}: the learning rate is too large.",
    "inside.diverged_rising": (
        "**J stops coming down at iteration {it}** (× on the curve): it keeps"
        " rising, or stays above where it started. α = {alpha} is too large, each"
        " step overshoots; try α = {smaller}."
    ),
    "inside.diverged_stopped": (
        "**J blew up after iteration {it}** (× on the curve): the next step made it"
        " infinite or huge, and training stopped. α = {alpha} is too large; try"
        " α = {smaller}."
    ),
    "inside.table_title": "Each example's loss, worst first",
    "inside.table_intro": (
        "All m = {m} examples at iteration {it}, sorted by their loss"
        " L⁽ⁱ⁾ = −log ŷ of the true class, largest first: the examples the model"
        " gets most wrong are on top, and they pull hardest on dZ = Ŷ − Y."
    ),
    "inside.table_select": (
        "Select a row (the box at its left) to ring its point on the plane and"
        " frame its column in Y and Ŷ; a click on a column of Y or Ŷ selects that"
        " example here."
    ),
    "inside.summary_right": (
        "**Example ({i})**, row {rank} of {m} by loss, x = ({x}): true class {true}, ŷ = {p} for it,"
        " L⁽ⁱ⁾ = {loss}. Predicted: {predicted}, right."
    ),
    "inside.summary_wrong": (
        "**Example ({i})**, row {rank} of {m} by loss, x = ({x}): true class {true}, ŷ = {p} for it,"
        " L⁽ⁱ⁾ = {loss}. Predicted: **{predicted}**, wrong."
    ),
    "inside.summary_dz": "Its column of dZ = Ŷ − Y: ({dz}); it adds dz xᵀ/m to dW and dz/m to db.",
    "inside.features_cut": "The table shows the first {shown} of the {n} features.",
    "inside.true_class": "true class",
    "inside.loss_help": "L⁽ⁱ⁾ = −log ŷ of the true class; J is their mean.",
    "inside.y_hat_help": "ŷ for {name}: the model's probability that the example is {name}.",
    "inside.parameters_title": "W and b at iteration {it}, with their gradients",
    "inside.parameters_intro": (
        "Each cell holds a weight and, under it, the gradient of J for it:"
        " dZ = Ŷ − Y, dW = (1/m) dZ Xᵀ, db = (1/m) Σᵢ dZ⁽ⁱ⁾. Nudge one entry and"
        " watch J and the regions; one gradient step moves every entry by −α times"
        " its gradient (α = {alpha})."
    ),
    "inside.hidden_layer": (
        "The W and b grid is for softmax regression, the lecture's model. With a"
        " hidden layer of {h} units there are two layers of weights: set the"
        " hidden units to 0 to see W and b here."
    ),
    "inside.too_many_features": (
        "W has {n} columns, one per feature; the grid is drawn for data with at"
        " most {most} features."
    ),
    "inside.entry": "Entry to nudge",
    "inside.step": "One gradient step (α = {alpha})",
    "inside.step_done": "one gradient step, α = {alpha}",
    "inside.reset": "Back to iteration {it}",
    "inside.cost_trained": "J as trained (iteration {it})",
    "inside.cost_before": "J before the change",
    "inside.cost_now": "J now",
    "inside.last_change": "Last change: {change}",
    "inside.grid_caption": (
        "Blue: positive, orange: negative; the stronger the colour, the larger the"
        " value. The sign of a gradient says which way J rises: a step goes the"
        " other way."
    ),
    "inside.regions_title": "The regions of these W and b",
    # Predict, then reveal; a poll of the room (softmax_ui/question_mode.py, polls.py)
    "questions.ask_mode": "Ask the question first",
    "questions.ask_mode_help": (
        "Steps with a question show its choices first; the step's view appears"
        " once an answer is chosen or revealed. In a link: lecture_ask=true."
    ),
    "questions.badge": "Predict, then see",
    "questions.reveal": "Reveal the answer",
    "questions.reveal_help": "A clicker's blank-screen key (B) reveals it too.",
    "questions.right": "Right: **{choice}**. {why}",
    "questions.wrong": "You chose {chosen}; the answer is **{choice}**. {why}",
    "questions.answer": "The answer: **{choice}**. {why}",
    "questions.room": "The room: {right} of {total} right.",
    "questions.hidden": "The step's view appears once an answer is chosen.",
    "questions.shift_prompt": "Add 100 to every entry of z[L]: what changes in a = softmax(z)?",
    "questions.shift_0": "Nothing: a stays the same",
    "questions.shift_1": "Every entry of a grows",
    "questions.shift_2": "The largest entry of a becomes 1",
    "questions.shift_3": "e¹⁰⁵ overflows: a is undefined",
    "questions.shift_why": "e^(z+100) = e¹⁰⁰·e^z, and the factor e¹⁰⁰ cancels in t / Σt.",
    "questions.hardmax_pick_prompt": "Which entry does hardmax pick for z = [5, 2, −1, 3]?",
    "questions.hardmax_pick_0": "Entry 0 · other (z = 5)",
    "questions.hardmax_pick_1": "Entry 1 · cat (z = 2)",
    "questions.hardmax_pick_2": "Entry 2 · dog (z = −1)",
    "questions.hardmax_pick_3": "Entry 3 · baby chick (z = 3)",
    "questions.hardmax_pick_why": "The largest z is 5, so hardmax gives [1, 0, 0, 0].",
    "questions.temperature_prompt": "Divide z by a temperature T → 0: what does softmax become?",
    "questions.temperature_0": "Uniform: every entry 1/C",
    "questions.temperature_1": "Hardmax: 1 at the largest z, 0 elsewhere",
    "questions.temperature_2": "It stays as it is",
    "questions.temperature_3": "All zeros",
    "questions.temperature_why": "As T shrinks, the largest z/T pulls away from the rest and takes all.",
    "questions.two_classes_prompt": "With C = 2, which σ equals softmax's first output?",
    "questions.two_classes_0": "σ(z₁)",
    "questions.two_classes_1": "σ(z₁ − z₂)",
    "questions.two_classes_2": "σ(z₁ + z₂)",
    "questions.two_classes_3": "σ(z₂ − z₁)",
    "questions.two_classes_why": "e^z₁ / (e^z₁ + e^z₂) = 1 / (1 + e^−(z₁ − z₂)).",
    "questions.learning_rate_prompt": "The learning rate α is ten times larger: what does J do?",
    "questions.learning_rate_0": "It falls ten times faster, always",
    "questions.learning_rate_1": "Nothing: α does not change J",
    "questions.learning_rate_2": "It falls faster at first; too large an α makes it jump or grow",
    "questions.learning_rate_3": "It ends ten times lower",
    "questions.learning_rate_why": "Larger steps go down faster until they overshoot the minimum.",
    "polls.title": "Poll the room",
    "polls.minutes": "Open for",
    "polls.minutes_value": "{n} min",
    "polls.open": "Open a poll",
    "polls.join": "Answer at **{link}** · code **{code}**",
    "polls.left": "{s} s left",
    "polls.closed_now": "Closed",
    "polls.answers": "{n} answers",
    "polls.answers_one": "1 answer",
    "polls.close": "Close the poll",
    "polls.student_title": "Poll {code}",
    "polls.counted": "Your answer is in: **{choice}**. The answer comes when the lecturer reveals it.",
    "polls.repeated": "This tab has answered poll {code} already (**{choice}**): one answer each.",
    "polls.repeated_unknown": "This tab has answered poll {code} already: one answer each.",
    "polls.closed": "Poll {code} is closed: it takes no more answers.",
    "polls.unknown": "There is no poll {code}: check the code on the screen.",
    "polls.bad_code": "“{code}” is not a poll code: a code is four letters or digits, as on the screen.",
    "polls.invalid": "That answer is not one of the choices.",
    "polls.waiting": "Waiting for the lecturer to reveal the answer …",
    "polls.unavailable": "Polls cannot be kept now: the folder {folder} cannot be written (set SOFTMAX_POLL_DIR to another).",
    # Overflow, shown: why softmax subtracts max z (explorer)
    "explorer.overflow": "Why subtract max z? (z up to ±1000)",
    "explorer.overflow_help": (
        "Widens the z sliders to −1000 … 1000 and shows e^z computed naively in"
        " float64 and float32 beside the shifted computation e^(z − max z)."
    ),
    "explorer.overflow_example": "An example that overflows",
    "overflow.title": "Naive e^z against e^(z − max z)",
    "overflow.float64": "float64",
    "overflow.float32": "float32",
    "overflow.shifted": "shifted",
    "overflow.marked": "e^z overflows float64 here: t is shown shifted by max z",
    "overflow.explain": (
        "⚠ e^z overflows to inf past z ≈ {f64} in float64 and past z ≈ {f32} in"
        " float32; then Σt = inf and a = inf / inf = NaN. Subtracting max z first"
        " makes every exponent ≤ 0, so e^(z − max z) ≤ 1 and a stays exact: that is"
        " why softmax_core subtracts the max."
    ),
    "overflow.temperature": "T = {T}: every step here starts from z/T, whose e^(z/T) is what overflows.",
    "overflow.none_yet": (
        "Nothing overflows yet: move a z past 88.72 (float32) or 709.78 (float64),"
        " or press “An example that overflows”."
    ),
    # dz on the bars: one gradient step on z, drawn and played (loss, lecture)
    "dz_arrows.title": "One gradient step on z: z ← z − α·dz[L], α = {alpha}",
    "dz_arrows.z_title": "z[L], with an arrow −α·dz from z to z − α·dz",
    "dz_arrows.y_hat_title": "ŷ = softmax(z)",
    "dz_arrows.play": "▶ Play the step",
    "dz_arrows.caption": (
        "Each arrow is −α·dz_j with dz = ŷ − y (α = {alpha}). The true class,"
        " {name}, has dz = ŷ − 1 = {dz} < 0, so its logit rises; every other class"
        " has dz_j = ŷ_j > 0, so its logit falls. Press ▶ to watch ŷ follow: the"
        " true class's probability goes up."
    ),
}
