"""Traditional Chinese (zh-TW) strings, in the terms of the lecture's transcript."""

STRINGS: dict[str, str] = {
    # Shared
    "chrome.presenter": "簡報模式",
    "chrome.presenter_help": "投影用的大字與粗線（?present=1）。",
    "chrome.link_notice": "此連結中有些數值無法使用，已改用最接近的有效值（或預設值）：{keys}。",
    "chrome.show_math": "顯示數學式與計算它的程式碼",
    "class.0": "其他",
    "class.1": "貓",
    "class.2": "狗",
    "class.3": "小雞",
    "class.n": "類別 {k}",
    "widgets.C": "類別數 C",
    "widgets.names": "類別名稱（以逗號分隔）",
    "widgets.names_help": "留空則用課程的名稱；空白的項目保留預設值。",
    "widgets.z_entry": "z{k} · {name}",
    "widgets.reset": "課程範例",
    "widgets.randomize": "隨機 z",
    # Classroom links (softmax_ui/classroom.py)
    "classroom.link": "這個畫面的連結",
    "classroom.link_help": (
        "開啟這個連結，會看到這一頁目前的樣子。在這裡選擇隱藏的控制項，"
        "開啟連結的人看不到，它們的數值維持現在的設定。"
    ),
    "classroom.copy": "複製連結",
    "classroom.copied": "已複製",
    "classroom.copy_by_hand": "請選取連結後自行複製",
    "classroom.hide": "在連結中隱藏",
    "classroom.hide_placeholder": "沒有隱藏任何項目",
    "classroom.hide_help": "這一頁也會立刻隱藏它們，讓你看到學生會看到的畫面。",
    "classroom.nothing_to_hide": "這一頁沒有可以隱藏的控制項。",
    "classroom.hidden_note": "這個連結隱藏了部分控制項。",
    "classroom.show_all": "全部顯示",
    "classroom.step_navigation": "步驟切換（上一步、下一步、步驟編號）",
    "classroom.z1": "z₁",
    "classroom.z2": "z₂",
    "table.class": "類別",
    "table.t": "t = e^z",
    "table.t_shifted": "t = e^(z − s)",
    "table.a": "a = t / Σt",
    "table.hardmax": "hardmax",
    "table.term": "−y_j log ŷ_j",
    "table.dz_formula": "ŷ − y（公式）",
    "table.dz_numeric": "∂L/∂z（有限差分）",
    "table.difference": "|差值|",
    # Home
    "home.nav": "首頁",
    "home.title": "訓練 softmax 分類器",
    "home.intro": (
        "Softmax 分類把輸入歸到 **C** 個類別中的一個，而不只是兩個。"
        "在這裡你可以看見並操作課程的每一步：softmax 啟動函數與命名上對比的"
        " hardmax、C = 2 的情況（羅吉斯迴歸）、損失函數與成本，以及由"
        " $dz^{[L]} = \\hat y - y$ 啟動的梯度下降法。"
    ),
    "home.notation": "符號",
    "home.notation_body": (
        "- 輸出層算出 $z^{[L]}$，一個 $C \\times 1$ 的欄向量：每個類別一個數字。"
        "貫穿課程的例子是 $C = 4$：0 其他、1 貓、2 狗、3 小雞。\n"
        "- 啟動函數給出 $a^{[L]} = \\hat y$，一欄加總為 1 的機率。\n"
        "- 標籤 $y$ 是 one-hot 向量。$m$ 筆資料的各欄水平並排："
        "$Y = [y^{(1)} \\cdots y^{(m)}]$ 與 $\\hat Y$ 都是 $C \\times m$。\n"
        "- $J$ 是成本：$m$ 筆訓練資料損失的平均。"
    ),
    "home.pages": "頁面",
    "home.card_explorer": (
        "調整 $z^{[L]}$ 的各個元素，並排觀察 softmax 與 hardmax，"
        "搭配課程的步驟 $t = e^z$、$\\Sigma t$、$a = t / \\Sigma t$。"
    ),
    "home.card_loss": (
        "逐項檢視損失 $L = -\\sum_j y_j \\log \\hat y_j$、梯度"
        " $dz = \\hat y - y$，以及讓真實類別機率上升的梯度下降步驟。"
    ),
    "home.card_logistic": (
        "當 $C = 2$，兩個輸出加總一定為 1，而 softmax 正好就是羅吉斯迴歸的"
        " sigmoid $\\sigma(z_1 - z_2)$。"
    ),
    "home.card_lecture": (
        "整堂課分成十個步驟，從 z[L] 到訓練，每一步都有可以操作的即時畫面。"
        "用方向鍵或簡報器翻到上一步、下一步。"
    ),
    "home.card_training": (
        "用梯度下降法訓練 softmax 分類器：成本 $J$ 隨迭代的變化、決策區域，"
        "以及 $C \\times m$ 的 $Y$、$\\hat Y$。"
    ),
    # Explorer
    "explorer.nav": "Softmax 與 hardmax",
    "explorer.title": "Softmax 與 hardmax",
    "explorer.intro": (
        "設定輸出層的 $z^{[L]}$。Softmax 把它轉成機率："
        "$t = e^{z}$、$a^{[L]} = t / \\sum_j t_j$；hardmax 則在最大的"
        " $z$ 放 1，其他地方放 0。課程的例子是 $z^{[L]} = [5, 2, -1, 3]$。"
    ),
    "explorer.temperature": "溫度 T",
    "explorer.temperature_help": (
        "z / T 的 softmax。T 小則更尖銳、趨近 hardmax；T 大則更平坦、趨近 1/C。"
    ),
    "explorer.t_is_one": "T = 1 就是課程中的 softmax。",
    "explorer.t_note": (
        "T = {T}：這是 softmax(z / T)。T → 0 時趨近 hardmax；T 變大時趨近"
        "均勻的 1/C。T = 1 就是課程中的 softmax。"
    ),
    "explorer.softmax_bar": "softmax a[L]",
    "explorer.hardmax_bar": "hardmax",
    "explorer.chart_title": "z[L] 的 softmax 與 hardmax",
    "explorer.steps": "課程的步驟",
    "explorer.sum_t": "**Σt = {total}**",
    "explorer.shift_note": (
        "這裡 e^z 會溢位，所以先把每個 z 減去 s = {shift}：t 為 e^(z − s)，"
        "Σt 也隨之乘上 e^(−s)。機率 a 不變。"
    ),
    # Loss
    "loss.nav": "損失與 dz",
    "loss.title": "損失 L 與梯度 dz[L] = ŷ − y",
    "loss.intro": (
        "對單筆資料，$L(\\hat y, y) = -\\sum_{j=1}^{C} y_j \\log \\hat y_j$。"
        "$y$ 是 one-hot 時，所有 $y_j = 0$ 的項都會消失，只剩真實類別機率的"
        " $-\\log$。"
    ),
    "loss.source": "ŷ 的來源",
    "loss.source_lecture": "課程中的 ŷ = [0.3, 0.2, 0.1, 0.4]",
    "loss.source_logits": "z 的 softmax（在下方設定 z）",
    "loss.true_class": "真實類別",
    "loss.y_vector": "**y** = [{y}]",
    "loss.y_hat_vector": "**ŷ** = [{y_hat}]",
    "loss.value": "損失 L",
    "loss.only_true_term": "只剩真實類別那一項：L = −log ŷ_{j} = −log {p}。",
    "loss.curve_title": "L = −log p，p 為真實類別的機率",
    "loss.curve_x": "p = 真實類別的 ŷ",
    "loss.curve_y": "L",
    "loss.dz_title": "dz[L] = ŷ − y",
    "loss.descent": "對 z 做梯度下降",
    "loss.descent_intro": (
        "每一步做 ${z \\leftarrow z - \\alpha\\, dz^{[L]}}$。L 下降，真實類別的機率"
        "上升趨近 1：最小化 L 就是最大近似估計。"
    ),
    "loss.step_size": "步長 α",
    "loss.take_step": "對 z 走一步梯度下降",
    "loss.reset_steps": "重新開始",
    "loss.steps_taken": "已走步數",
    "loss.trace_title": "每一步的 L 與真實類別的 ŷ",
    "loss.trace_loss": "L",
    "loss.trace_p": "{name} 的 ŷ",
    "loss.trace_x": "步數",
    "loss.check": "檢查：公式算出的 dz 與數值導數比較",
    # Logistic
    "logistic.nav": "C = 2 即羅吉斯迴歸",
    "logistic.title": "C = 2：softmax 就是羅吉斯迴歸",
    "logistic.intro": (
        "只有兩個類別時，softmax 輸出的兩個數字加起來一定是 1，所以其中一個是"
        "多餘的。第一個正好是 $z_1 - z_2$ 的 sigmoid，也就是羅吉斯迴歸算出"
        "其單一輸出的方式。"
    ),
    "logistic.a1": "softmax 輸出 1",
    "logistic.a2": "softmax 輸出 2",
    "logistic.sigma": "σ(z₁ − z₂)",
    "logistic.sum": "輸出 1 + 輸出 2 = **{total}**",
    "logistic.curve_title": "Softmax 輸出 1 與 σ(z₁ − z₂) 完全重合",
    "logistic.curve_softmax": "softmax([z₁, z₂])₁",
    "logistic.curve_sigma": "σ(z₁ − z₂)",
    "logistic.curve_x": "z₁ − z₂",
    "logistic.derivation": (
        "分子與分母同除以 $e^{z_1}$："
        " $\\dfrac{e^{z_1}}{e^{z_1} + e^{z_2}} = \\dfrac{1}{1 + e^{-(z_1 - z_2)}}"
        " = \\sigma(z_1 - z_2)$。"
    ),
    # Training
    "training.nav": "訓練",
    "training.title": "訓練：梯度下降過程中的成本 J",
    "training.intro": (
        "對 $J = \\frac{1}{m}\\sum_i L(\\hat y^{(i)}, y^{(i)})$ 做批次梯度下降，"
        "每一步都由 $dZ^{[L]} = \\hat Y - Y$ 啟動。沒有隱藏層時，這就是"
        " softmax 迴歸，也就是課程中的模型。"
    ),
    "training.data": "資料",
    "training.dataset": "資料集",
    "training.dataset_blobs": "群聚",
    "training.dataset_spirals": "螺旋",
    "training.dataset_upload": "上傳 CSV",
    "training.upload": "CSV 檔：特徵欄與一個標籤欄",
    "training.upload_help": (
        ".csv、.tsv 或 .txt 檔（UTF-8、UTF-16、Big5 或 Windows-1252；以逗號、"
        "分號或 Tab 分隔），含數值特徵欄與一個標籤欄（名為 label、class 或 y，"
        "否則取唯一一欄文字，再否則取最後一欄）。標籤可以是文字。標題列可有可無；"
        "只用來編列號的第一欄會略過，有缺值的列也會略過。2 到 10 個類別，"
        "最多 1000 個特徵，名稱最多 200 個字元，最大 20 MB；較長的檔案最多只用"
        " 3000 列。"
    ),
    "training.upload_waiting": "請選擇要用來訓練的 CSV 檔。",
    "training.upload_error": "無法使用這個檔案：{message}",
    "training.upload_read": (
        "讀入 m = {m} 筆資料，n = {n} 個特徵，C = {C} 個類別"
        "（特徵已標準化為平均 0、標準差 1）。"
    ),
    "training.upload_index_dropped": "已略過第一欄 {name}：它只是列的編號（1、2、3、…）。",
    "training.upload_index_unnamed": (
        "已略過沒有名稱的第一欄：它只是列的編號（0、1、2、…）。"
    ),
    "training.upload_header_made": (
        "這個檔案沒有標題列：第一列就是資料。特徵依序命名為 x1 … x{n}。"
    ),
    "training.upload_label_column": "標籤取自欄位 {name}，這是唯一一欄文字。",
    "training.upload_missing": (
        "因有缺值（空白、NA、NaN 或 ?）而略過的列：{rows}（共 {count} 列）。"
    ),
    "training.upload_subsampled": (
        "這個檔案有 {rows} 列；訓練只用其中隨機抽出的 {m} 列（每次都是同樣的幾列），"
        "讓每個人都能很快得到結果。"
    ),
    "training.m": "資料筆數 m",
    "training.seed": "隨機種子",
    "training.model": "模型與梯度下降法",
    "training.hidden": "隱藏單元數",
    "training.hidden_help": (
        "0 即 softmax 迴歸，Z = W X + b（課程內容）。大於 0 則在 softmax 層前"
        "加一層隱藏層。"
    ),
    "training.activation": "隱藏層啟動函數",
    "training.learning_rate": "學習率 α",
    "training.iterations": "迭代次數",
    "training.progress": "梯度下降：第 {it} 步，共 {of} 步",
    "training.diverged": (
        "梯度下降法在第 {it} 次迭代發散：學習率太大，J 不降反升。曲線到此為止；"
        "請選擇較小的學習率。"
    ),
    "training.iteration": "顯示的迭代",
    "training.iteration_help": "拖曳檢視訓練過程：J 的標記與決策區域。",
    "training.cost_start": "起始的 J",
    "training.cost_now": "第 {it} 次迭代的 J",
    "training.accuracy_now": "訓練準確率",
    "training.cost_title": "每次迭代的成本 J",
    "training.cost_axis": "成本 J",
    "training.accuracy_axis": "訓練準確率",
    "training.iteration_axis": "迭代",
    "training.regions_title": "第 {it} 次迭代的決策區域",
    "training.no_regions": "資料有 {n} 個特徵；決策區域只在有 2 個特徵時繪製。",
    "training.matrices": "Y 與 Ŷ 是 C × m",
    "training.matrices_intro": (
        "每一欄是一筆資料：$Y$ 存放 one-hot 標籤，$\\hat Y$ 存放預測機率。"
        "這裡顯示 {C} × {m} 矩陣的前幾欄。"
    ),
    "training.Y_title": "Y ({C} × {m})",
    "training.Y_hat_title": "Ŷ ({C} × {m})",
    "training.download": "下載 J 與準確率（CSV）",
    "training.test_share": "保留作測試集的比例",
    "training.test_share_help": (
        "把這個比例的樣本留在訓練之外，看分類器在從沒學過的樣本上表現如何。"
        "0 % 表示全部拿來訓練，和課程一樣。"
    ),
    "training.l2": "L2 正則化 λ（超出課程範圍）",
    "training.l2_help": (
        "課程沒有講到：J 加上 (λ / 2m) Σ‖W‖²，讓權重保持小。0 就是課程裡的成本函數。"
    ),
    "training.test_cost_now": "第 {it} 次迭代的測試 J",
    "training.test_accuracy_now": "測試準確率",
    "training.train_cost_axis": "訓練成本 J",
    "training.test_cost_axis": "測試成本 J",
    "training.test_accuracy_axis": "測試準確率",
    "training.test_points": "測試樣本",
    "training.confusion_test": "測試集上的混淆矩陣",
    "training.confusion_train": "訓練集上的混淆矩陣",
    "training.confusion_title": "第 {it} 次迭代：{m} 個樣本",
    "training.true_class": "真實類別",
    "training.predicted_class": "預測類別",
    "training.confusion_note": (
        "每一列是一個真實類別，每一行是分類器預測的類別（ŷ 中最大的那一項）。"
        "對角線上是分類器答對的 **{right}** 個樣本（共 **{m}** 個）。"
    ),
    "training.confusion_no_test": "設定保留的測試集比例，就能看分類器在沒訓練過的樣本上的表現。",
    "training.export": "把訓練好的分類器帶走",
    "training.export_intro": "第 {it} 次迭代的參數 W 與 b，存成 numpy 的 `.npz` 檔或 JSON。",
    "training.export_npz": "下載參數（.npz）",
    "training.export_json": "下載參數（JSON）",
    "training.export_snippet": (
        "這段 numpy 程式讀入 `.npz` 檔，算出上面熱圖中 {shown} 個樣本的 Ŷ：印出的就是那裡的 Ŷ。"
    ),
    # Lecture
    "lecture.nav": "課程導覽",
    "lecture.title": "一步一步看課程",
    "lecture.previous": "上一步",
    "lecture.next": "下一步",
    "lecture.step_heading": "第 {n} 步（共 {total} 步）· {title}",
    "lecture.notation_title": "符號：輸出層的 z[L]",
    "lecture.notation_caption": (
        "輸出層算出 $z^{[L]}$，一個 $C \\times 1$ 的向量，每個類別一個數字。"
        "課程的例子有 $C = 4$ 個類別（0 其他、1 貓、2 狗、3 小雞），"
        "而 $z^{[L]} = [5, 2, -1, 3]$。標籤 $y$ 是 one-hot 向量；"
        "預測 $\\hat y = a^{[L]}$ 是一個代表機率的向量。"
    ),
    "lecture.softmax_title": "Softmax：t = e^z，再 a = t / Σt",
    "lecture.softmax_caption": (
        "先算暫時的變數 $t = e^{z^{[L]}}$，做的是逐元素的指數；再把 t 標準化至"
        "總和為 1：$a^{[L]} = t / \\sum_j t_j$。當 $z^{[L]} = [5, 2, -1, 3]$："
        "$t = [148.4, 7.4, 0.4, 20.1]$，$\\sum_j t_j = 176.3$，"
        "$a^{[L]} = [0.842, 0.042, 0.002, 0.114]$。z 裡最大的元素是 5，"
        "而最高的機率就是第一個機率。"
    ),
    "lecture.hardmax_title": "Hardmax，以及 softmax 為什麼「soft」",
    "lecture.hardmax_caption": (
        "Hardmax 在 $z$ 最大元素的位置放 1，其他地方放 0："
        "$[5, 2, -1, 3] \\to [1, 0, 0, 0]$。相較之下，softmax 比較溫柔，"
        "把 $z$ 對應到機率；這就是它名字的由來。"
    ),
    "lecture.logistic_title": "C = 2 就是羅吉斯迴歸",
    "lecture.logistic_caption": (
        "Softmax 迴歸把羅吉斯迴歸從兩個類別推廣到 $C$ 個類別。$C = 2$ 時輸出兩個"
        "數字，例如 0.842 和 0.158。兩者加起來一定為 1，所以其中一個是重複的；"
        "第一個正好是 $\\sigma(z_1 - z_2)$，也就是羅吉斯迴歸算出其單一輸出的方式。"
    ),
    "lecture.loss_title": "一筆資料的損失函數",
    "lecture.loss_caption": (
        "$L(\\hat y, y) = -\\sum_{j=1}^{C} y_j \\log \\hat y_j$。一張貓的圖，"
        "$y = [0, 1, 0, 0]$，而 $\\hat y = [0.3, 0.2, 0.1, 0.4]$：所有 $y_j = 0$ "
        "的項都是 0，只剩 $L = -\\log \\hat y_2 = -\\log 0.2 \\approx 1.609$。"
        "網路只認為有 20% 機率是貓：表現不好。"
    ),
    "lecture.likelihood_title": "最小化 L 就是最大近似估計",
    "lecture.likelihood_caption": (
        "要讓 $L = -\\log \\hat y_2$ 變小，梯度下降法唯一的方式是讓真實類別的機率"
        " $\\hat y_2$ 盡可能地大（不能比 1 還大）。每一步做"
        " ${z \\leftarrow z - \\alpha\\,(\\hat y - y)}$：L 下降，$\\hat y_2$ 上升。"
        "這其實就是一種最大近似估計。"
    ),
    "lecture.cost_title": "整個訓練集的成本 J",
    "lecture.cost_caption": (
        "$J = \\frac{1}{m}\\sum_{i=1}^{m} L(\\hat y^{(i)}, y^{(i)})$，也就是 $m$ "
        "筆訓練資料損失的平均，是梯度下降法要最小化的成本。每一根長條是一筆資料的"
        "損失，虛線是它們的平均 J。移動迭代次數，看訓練如何讓它下降。"
    ),
    "lecture.matrices_title": "Y 與 Ŷ 是 C × m",
    "lecture.matrices_caption": (
        "向量化時，各筆資料水平地串起來：$Y = [y^{(1)}\\ y^{(2)} \\cdots y^{(m)}]$ "
        "是 $C \\times m$ 的矩陣，$\\hat Y$ 也是。第 (1) 欄是課程中的貓："
        "$y^{(1)} = [0, 1, 0, 0]$，$\\hat y^{(1)} = [0.3, 0.2, 0.1, 0.4]$；"
        "之後各欄是訓練資料與訓練好的模型的預測。"
    ),
    "lecture.gradient_title": "dz[L] = ŷ − y 啟動反向傳播",
    "lecture.gradient_caption": (
        "$dz^{[L]} = \\partial J / \\partial z^{[L]} = \\hat y - y$，一個 $C \\times 1$ "
        "的向量（向量化時是 $\\hat Y - Y$，$C \\times m$），用來啟動反向傳播；"
        "程式框架會幫你算出它。課程的例子中它是 $[0.3, -0.8, 0.1, 0.4]$，"
        "只有真實類別是負的，而且與數值導數一致。"
    ),
    "lecture.training_title": "訓練：J 隨迭代的變化",
    "lecture.training_caption": (
        "在 4 個類別、300 筆資料上訓練 softmax 迴歸：用梯度下降法最小化 $J$，"
        "每一步都由 $dZ^{[L]} = \\hat Y - Y$ 啟動。J 下降，類別逐漸分開："
        "softmax 分類能把輸入歸類成 $C$ 個類別中的一個，而不只是兩個。"
    ),
    "lecture.z_title": "z[L]，每個類別一個數字（4 × 1）",
    "lecture.descent_steps": "對 z 的梯度下降步數",
    "lecture.cost_value": "第 {it} 次迭代的 J",
    "lecture.example_axis": "第 i 筆資料",
    "lecture.loss_axis": "L(ŷ(i), y(i))",
    "lecture.losses_title": "m = {m} 筆資料各自的損失，第 {it} 次迭代",
    "lecture.columns_shown": "顯示的欄數",
    # Live view (softmax_ui/live.py)
    "live.hint": "拖動滑桿：長條圖與表格會即時跟著變。",
    "live.hint_follow": "拖動 z₁ 或 z₂：長條圖與表格會即時跟著變。",
    "live.drag_z": "拖曳 z{k} · {name}",
    "live.drag_t": "拖曳 T",
    "live.sum_t": "Σt",
    "live.two_class_title": "兩個 softmax 輸出",
    "live.python_view": "Python（softmax_core）算出的相同數字",
    "live.python_view_help": (
        "上方的圖在滑桿移動時由瀏覽器即時繪製；這裡的數字在放開滑桿後，"
        "由伺服器上的 softmax_core 計算。"
    ),
    # After a server restart (softmax_ui/reconnect.py)
    "reconnect.title": "連線中斷",
    "reconnect.message": "應用程式的伺服器沒有回應。伺服器重新啟動後，這個頁面會自動恢復成原來的樣子。",
    "reconnect.command": "make run",
    # The file picker's own words (Streamlit's; in English they stay its own)
    "reconnect.uploader_drop": "將檔案拖放到這裡",
    "reconnect.uploader_browse": "選擇檔案",
    "reconnect.uploader_upload": "上傳",
    "reconnect.uploader_per_file": "每個檔案上限 {size}{types}",
    # Live training lab (softmax_ui/lab.py, softmax_ui/hand_points.py)
    "lab.play": "播放",
    "lab.pause": "暫停",
    "lab.rewind": "倒回第 0 次迭代",
    "lab.step": "前進 {n} 次迭代",
    "lab.speed": "速度",
    "lab.speed_unit": "每秒 {n} 次",
    "lab.iteration_of": "第 {n} 次迭代，共 {m} 次",
    "lab.shading": "區域：",
    "lab.softmax": "softmax",
    "lab.hardmax": "hardmax",
    "lab.cost": "J",
    "lab.accuracy": "訓練準確率",
    "lab.test_cost": "測試 J",
    "lab.test_accuracy": "測試準確率",
    "lab.iteration_axis": "迭代",
    "lab.y_hat": "前 {k} 個樣本的 Ŷ（框出真實類別）",
    "lab.example": "樣本",
    "lab.regions": "第 {it} 次迭代的區域",
    "lab.curve": "J 與準確率隨訓練播放而增長",
    "lab.diverged": "在第 {it} 次發散",
    "lab.add_class": "點擊平面加入一個點，類別：",
    "lab.clear": "清除",
    "lab.back": "回到資料集",
    "lab.edit_hint": (
        "點擊一個點，或在點附近按住 Shift 點擊、按右鍵，即可移除。訓練會從這些點重新開始，連結也會帶著它們。"
    ),
    "lab.point_count": "{n} 個點",
    "lab.too_many": "手動最多 500 個點。",
    "lab.no_plane": "只有兩個特徵的資料才畫得出平面。",
    "lab.no_run": "沒有可訓練的點：點擊平面加入一些。",
    "lab.highlight": "樣本",
    "lab.points": "手動放置的點",
    "lab.title": "看它學習",
    "lab.intro": (
        "按下播放（或空白鍵）：J 逐次下降，區域和 Ŷ 一次一個迭代地跟著變。以 softmax 著色時，模型不確定的地方顏色較淡。"
    ),
    "lab.hand_active": "以手動放置的 {m} 個點訓練（已寫入連結）。",
    "lab.hand_refused": "連結中的點有些不是 `類別.x.y`（x、y 以百分之一為單位），已略過：{parts}",
    "lab.hand_dropped": "超過前 500 個的 {count} 個點已略過。",
    "lab.hand_beyond_c": "{count} 個點的類別超出 C = {C}，未納入訓練：調高 C 即可納入。",
    "lab.hand_one_class": "這些點只有一個類別：每個區域都是該類別。",
    "lab.report": "以圖表呈現這次訓練：拖曳條、J 與區域",
    # Inside the model (softmax_ui/views/inside.py, parameters.py)
    "inside.title": "模型內部",
    "inside.example": "選取的樣本",
    "inside.example_name": "樣本 ({i})",
    "inside.diverged_mark": "從第 {it} 次迭代開始發散",
    "inside.diverged_plain": "J 從第 {it} 次迭代起不再下降：學習率太大。",
    "inside.diverged_rising": (
        "**J 從第 {it} 次迭代起不再下降**（曲線上的 ×）：它一直上升，或停在起點之上。"
        "α = {alpha} 太大，每一步都越過了最小值；請改用 α = {smaller}。"
    ),
    "inside.diverged_stopped": (
        "**J 在第 {it} 次迭代之後爆掉了**（曲線上的 ×）：下一步讓它變成無限大或極大，"
        "訓練就此停止。α = {alpha} 太大；請改用 α = {smaller}。"
    ),
    "inside.table_title": "每個樣本的損失，由最差排起",
    "inside.table_intro": (
        "第 {it} 次迭代時全部 m = {m} 個樣本，依損失 L⁽ⁱ⁾ = −log ŷ（真實類別）"
        "由大到小排序：模型錯得最離譜的樣本在最上面，它們對 dZ = Ŷ − Y 的拉力也最大。"
    ),
    "inside.table_select": (
        "選取一列（點最左邊的方框），平面上會圈出它的點，Y 與 Ŷ 中也會框出它的欄；"
        "點 Y 或 Ŷ 的某一欄，也會在這裡選取那個樣本。"
    ),
    "inside.summary_right": (
        "**樣本 ({i})**，依損失排第 {rank} / {m}，x = ({x})：真實類別 {true}，它的 ŷ = {p}，"
        "L⁽ⁱ⁾ = {loss}。預測：{predicted}，正確。"
    ),
    "inside.summary_wrong": (
        "**樣本 ({i})**，依損失排第 {rank} / {m}，x = ({x})：真實類別 {true}，它的 ŷ = {p}，"
        "L⁽ⁱ⁾ = {loss}。預測：**{predicted}**，錯誤。"
    ),
    "inside.summary_dz": "它在 dZ = Ŷ − Y 中的那一欄：({dz})；它為 dW 貢獻 dz xᵀ/m，為 db 貢獻 dz/m。",
    "inside.features_cut": "表格只列出 {n} 個特徵中的前 {shown} 個。",
    "inside.true_class": "真實類別",
    "inside.loss_help": "L⁽ⁱ⁾ = −log ŷ（真實類別）；J 是它們的平均。",
    "inside.y_hat_help": "{name} 的 ŷ：模型認為這個樣本是 {name} 的機率。",
    "inside.parameters_title": "第 {it} 次迭代的 W 與 b，以及它們的梯度",
    "inside.parameters_intro": (
        "每一格是一個權重，下面是 J 對它的梯度：dZ = Ŷ − Y，dW = (1/m) dZ Xᵀ，"
        "db = (1/m) Σᵢ dZ⁽ⁱ⁾。微調其中一個值，看 J 與決策區域怎麼變；"
        "走一步梯度下降會讓每個值都移動 −α 乘以它的梯度（α = {alpha}）。"
    ),
    "inside.hidden_layer": (
        "W 與 b 的表格適用於 softmax 迴歸，也就是課堂上的模型。有 {h} 個單元的"
        "隱藏層時有兩層權重：把隱藏單元設為 0，就能在這裡看到 W 與 b。"
    ),
    "inside.too_many_features": (
        "W 有 {n} 欄，每個特徵一欄；表格只在特徵不超過 {most} 個時顯示。"
    ),
    "inside.entry": "要微調的值",
    "inside.step": "走一步梯度下降（α = {alpha}）",
    "inside.step_done": "一步梯度下降，α = {alpha}",
    "inside.reset": "回到第 {it} 次迭代",
    "inside.cost_trained": "訓練出的 J（第 {it} 次迭代）",
    "inside.cost_before": "改變前的 J",
    "inside.cost_now": "現在的 J",
    "inside.last_change": "上一次改變：{change}",
    "inside.grid_caption": (
        "藍色：正值，橘色：負值；顏色越深，絕對值越大。梯度的正負號表示 J 往哪個方向"
        "上升：梯度下降往反方向走。"
    ),
    "inside.regions_title": "這組 W 與 b 的決策區域",
    # 先預測再揭曉；全班投票（softmax_ui/question_mode.py、polls.py）
    "questions.ask_mode": "先問問題",
    "questions.ask_mode_help": (
        "有問題的步驟先顯示選項；選了答案或揭曉之後，才顯示這一步的圖。"
        "連結中寫 lecture_ask=true。"
    ),
    "questions.badge": "先預測，再看",
    "questions.reveal": "揭曉答案",
    "questions.reveal_help": "簡報器的黑屏鍵（B）也能揭曉。",
    "questions.right": "答對了：**{choice}**。{why}",
    "questions.wrong": "你選了 {chosen}；答案是 **{choice}**。{why}",
    "questions.answer": "答案：**{choice}**。{why}",
    "questions.room": "全班：{total} 人中 {right} 人答對。",
    "questions.hidden": "選了答案之後，才會顯示這一步的圖。",
    "questions.shift_prompt": "把 z[L] 的每個元素都加 100：a = softmax(z) 會怎麼變？",
    "questions.shift_0": "不變：a 完全一樣",
    "questions.shift_1": "a 的每個元素都變大",
    "questions.shift_2": "a 最大的元素變成 1",
    "questions.shift_3": "e¹⁰⁵ 溢位：a 無法計算",
    "questions.shift_why": "e^(z+100) = e¹⁰⁰·e^z，因子 e¹⁰⁰ 在 t / Σt 中約掉了。",
    "questions.hardmax_pick_prompt": "z = [5, 2, −1, 3] 時，hardmax 選哪一個元素？",
    "questions.hardmax_pick_0": "元素 0 · 其他（z = 5）",
    "questions.hardmax_pick_1": "元素 1 · 貓（z = 2）",
    "questions.hardmax_pick_2": "元素 2 · 狗（z = −1）",
    "questions.hardmax_pick_3": "元素 3 · 小雞（z = 3）",
    "questions.hardmax_pick_why": "最大的 z 是 5，所以 hardmax 得到 [1, 0, 0, 0]。",
    "questions.temperature_prompt": "把 z 除以溫度 T，讓 T → 0：softmax 會變成什麼？",
    "questions.temperature_0": "均勻：每個元素都是 1/C",
    "questions.temperature_1": "Hardmax：最大的 z 為 1，其餘為 0",
    "questions.temperature_2": "維持原樣",
    "questions.temperature_3": "全部是 0",
    "questions.temperature_why": "T 越小，最大的 z/T 與其他的差距越大，最後拿走全部機率。",
    "questions.two_classes_prompt": "C = 2 時，哪一個 σ 等於 softmax 的第一個輸出？",
    "questions.two_classes_0": "σ(z₁)",
    "questions.two_classes_1": "σ(z₁ − z₂)",
    "questions.two_classes_2": "σ(z₁ + z₂)",
    "questions.two_classes_3": "σ(z₂ − z₁)",
    "questions.two_classes_why": "e^z₁ / (e^z₁ + e^z₂) = 1 / (1 + e^−(z₁ − z₂))。",
    "questions.learning_rate_prompt": "學習率 α 變成十倍：J 會怎樣？",
    "questions.learning_rate_0": "總是下降得快十倍",
    "questions.learning_rate_1": "不變：α 不影響 J",
    "questions.learning_rate_2": "一開始下降得更快；α 太大時 J 會跳動或上升",
    "questions.learning_rate_3": "最後低十倍",
    "questions.learning_rate_why": "步伐越大下降越快，直到越過最低點。",
    "polls.title": "全班投票",
    "polls.minutes": "開放時間",
    "polls.minutes_value": "{n} 分鐘",
    "polls.open": "開始投票",
    "polls.join": "作答網址 **{link}** · 代碼 **{code}**",
    "polls.left": "剩 {s} 秒",
    "polls.closed_now": "已結束",
    "polls.answers": "{n} 人作答",
    "polls.answers_one": "1 人作答",
    "polls.close": "結束投票",
    "polls.student_title": "投票 {code}",
    "polls.counted": "已收到你的答案：**{choice}**。老師揭曉後就會看到答案。",
    "polls.repeated": "這個分頁已經回答過投票 {code}（**{choice}**）：每人一次。",
    "polls.repeated_unknown": "這個分頁已經回答過投票 {code}：每人一次。",
    "polls.closed": "投票 {code} 已結束，不再收答案。",
    "polls.unknown": "沒有代碼為 {code} 的投票：請核對螢幕上的代碼。",
    "polls.bad_code": "「{code}」不是投票代碼：代碼是螢幕上的四個英文字母或數字。",
    "polls.invalid": "這個答案不在選項之中。",
    "polls.waiting": "等待老師揭曉答案……",
    "polls.unavailable": "目前無法保存投票：資料夾 {folder} 無法寫入（請把 SOFTMAX_POLL_DIR 設為其他資料夾）。",
    # Overflow, shown: why softmax subtracts max z (explorer)
    "explorer.overflow": "為什麼要減去 max z？（z 可到 ±1000）",
    "explorer.overflow_help": (
        "把 z 的滑桿放寬到 −1000 … 1000，並將以 float64 與 float32 直接計算的 e^z"
        " 與先平移的 e^(z − max z) 並列比較。"
    ),
    "explorer.overflow_example": "會溢位的例子",
    "overflow.title": "直接計算 e^z 與 e^(z − max z) 的比較",
    "overflow.float64": "float64",
    "overflow.float32": "float32",
    "overflow.shifted": "平移後",
    "overflow.marked": "此處 e^z 在 float64 會溢位：t 是減去 max z 後的值",
    "overflow.explain": (
        "⚠ 在 float64 中 z 超過約 {f64}、在 float32 中 z 超過約 {f32} 時，e^z"
        " 會溢位成 inf；於是 Σt = inf，a = inf / inf = NaN。先減去 max z，"
        "每個指數都 ≤ 0，e^(z − max z) ≤ 1，a 仍然精確：這就是 softmax_core"
        " 要減去最大值的原因。"
    ),
    "overflow.temperature": "T = {T}：這裡每一步都從 z/T 開始，溢位的是 e^(z/T)。",
    "overflow.none_yet": (
        "目前還沒有溢位：把某個 z 移到超過 88.72（float32）或 709.78（float64），"
        "或按「會溢位的例子」。"
    ),
    # dz on the bars: one gradient step on z, drawn and played (loss, lecture)
    "dz_arrows.title": "對 z 做一步梯度下降：z ← z − α·dz[L]，α = {alpha}",
    "dz_arrows.z_title": "z[L]，箭頭 −α·dz 從 z 指向 z − α·dz",
    "dz_arrows.y_hat_title": "ŷ = softmax(z)",
    "dz_arrows.play": "▶ 播放這一步",
    "dz_arrows.caption": (
        "每個箭頭是 −α·dz_j，其中 dz = ŷ − y（α = {alpha}）。真實類別「{name}」的"
        " dz = ŷ − 1 = {dz} < 0，所以它的 logit 上升；其他類別的 dz_j = ŷ_j > 0，"
        "logit 下降。按 ▶ 看 ŷ 跟著改變：真實類別的機率上升。"
    ),
}
