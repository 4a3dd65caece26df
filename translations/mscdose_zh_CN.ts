<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <source>Still missing before finalising: {fields}.</source>
        <translation>定稿前仍缺少：{fields}。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>新患者</translation>
    </message>
    <message>
        <source>Clear the form for the next patient.</source>
        <translation>清空表单，录入下一位患者。</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Show the worksheet; before finalising it is marked as a draft.</source>
        <translation>显示工作单；定稿前标为草稿。</translation>
    </message>
    <message>
        <source>Finali&amp;se…</source>
        <translation>定稿(&amp;S)…</translation>
    </message>
    <message>
        <source>Save this calculation as a record and enable printing.</source>
        <translation>将本次计算保存为记录，并允许打印。</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print the finalised worksheet.</source>
        <translation>打印已定稿的工作单。</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存PDF…</translation>
    </message>
    <message>
        <source>Save the finalised worksheet as a PDF file.</source>
        <translation>将已定稿的工作单保存为PDF文件。</translation>
    </message>
    <message>
        <source>Reprint…</source>
        <translation>重印…</translation>
    </message>
    <message>
        <source>Write the saved record&apos;s worksheet again, marked REPRINT.</source>
        <translation>重新生成已保存记录的工作单，标注“重印 REPRINT”。</translation>
    </message>
    <message>
        <source>Print bag label…</source>
        <translation>打印输液袋标签…</translation>
    </message>
    <message>
        <source>Write the prepared bag&apos;s label (PDF) from the saved record; copies after the first are marked REPRINT.</source>
        <translation>根据已保存的记录生成配制好的输液袋标签（PDF）；第一份之后的副本标记为 REPRINT。</translation>
    </message>
    <message>
        <source>Missing before finalising</source>
        <translation>定稿前缺少的项目</translation>
    </message>
    <message>
        <source>The fields the protocol requires before this calculation can be finalised.</source>
        <translation>方案要求在本次计算定稿前填写的字段。</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>历史记录…</translation>
    </message>
    <message>
        <source>Earlier calculations and reprints.</source>
        <translation>以往的计算与重印。</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Whether this calculation has been saved as a record.</source>
        <translation>本次计算是否已保存为记录。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Could not open the records</source>
        <translation>无法打开记录库</translation>
    </message>
    <message>
        <source>&amp;New patient</source>
        <translation>新患者(&amp;N)</translation>
    </message>
    <message>
        <source>Pre&amp;view worksheet</source>
        <translation>预览工作单(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Print worksheet…</source>
        <translation>打印工作单(&amp;P)…</translation>
    </message>
    <message>
        <source>Save worksheet as P&amp;DF…</source>
        <translation>将工作单保存为PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Reprint worksheet…</source>
        <translation>重印工作单(&amp;R)…</translation>
    </message>
    <message>
        <source>Print bag &amp;label…</source>
        <translation>打印输液袋标签(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>历史记录(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Correct a record…</source>
        <translation>更正记录(&amp;C)…</translation>
    </message>
    <message>
        <source>Chec&amp;k a record (blind)…</source>
        <translation>核对记录（盲核）(&amp;K)…</translation>
    </message>
    <message>
        <source>&amp;Bedside check…</source>
        <translation>床旁核对(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>用户(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help and about</source>
        <translation>帮助与关于(&amp;H)</translation>
    </message>
    <message>
        <source>Missing before finalising: {fields}.</source>
        <translation>定稿前缺少：{fields}。</translation>
    </message>
    <message>
        <source>Fill in every required field first.</source>
        <translation>请先填写所有必填字段。</translation>
    </message>
    <message>
        <source>A hard limit is breached: this calculation cannot be finalised.</source>
        <translation>已超出硬性限值：本次计算不能定稿。</translation>
    </message>
    <message>
        <source>Already saved as a record: print it, or reprint it if an output failed.</source>
        <translation>已保存为记录：请打印；如输出失败，请重印。</translation>
    </message>
    <message>
        <source>Available once the calculation is finalised.</source>
        <translation>计算定稿后可用。</translation>
    </message>
    <message>
        <source>Print the finalised worksheet (Ctrl+P).</source>
        <translation>打印已定稿的工作单（Ctrl+P）。</translation>
    </message>
    <message>
        <source>Save the finalised worksheet as a PDF.</source>
        <translation>将已定稿的工作单保存为PDF。</translation>
    </message>
</context>
<context>
    <name>Bedside</name>
    <message>
        <source>Right patient, right bag, in time. Give this bag to this patient.</source>
        <translation>患者正确、输液袋正确、在时限内。可将此袋输给此患者。</translation>
    </message>
    <message>
        <source>Bedside check – mscdose</source>
        <translation>床旁核对 – mscdose</translation>
    </message>
    <message>
        <source>Scan the patient&apos;s wristband</source>
        <translation>扫描患者腕带</translation>
    </message>
    <message>
        <source>Scan the bag label printed by mscdose</source>
        <translation>扫描 mscdose 打印的输液袋标签</translation>
    </message>
    <message>
        <source>Product label (optional)</source>
        <translation>产品标签（可选）</translation>
    </message>
    <message>
        <source>&amp;Wristband:</source>
        <translation>腕带(&amp;W)：</translation>
    </message>
    <message>
        <source>Bag &amp;label:</source>
        <translation>输液袋标签(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Product label:</source>
        <translation>产品标签(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Check</source>
        <translation>核对(&amp;C)</translation>
    </message>
    <message>
        <source>Compare the wristband with the bag label and log the check.</source>
        <translation>将腕带与输液袋标签比对，并记录本次核对。</translation>
    </message>
    <message>
        <source>Bedside check result</source>
        <translation>床旁核对结果</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation>关闭结果(&amp;D)</translation>
    </message>
    <message>
        <source>The site setting {problem} Fix it in Settings.</source>
        <translation>站点设置有误：{problem} 请在设置中修正。</translation>
    </message>
    <message>
        <source>The record store could not be used, so nothing was compared or logged: {error}</source>
        <translation>无法使用记录库，因此未进行比对，也未记录：{error}</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>注意：{note}</translation>
    </message>
    <message>
        <source>✔ MATCH</source>
        <translation>✔ 相符 MATCH</translation>
    </message>
    <message>
        <source>Patient {patient} · record {record}</source>
        <translation>患者 {patient} · 记录 {record}</translation>
    </message>
    <message>
        <source>Logged as bedside check {check}.</source>
        <translation>已记录为床旁核对 {check}。</translation>
    </message>
    <message>
        <source>✘ MISMATCH</source>
        <translation>✘ 不符 MISMATCH</translation>
    </message>
    <message>
        <source>Logged as bedside check {check}. Scanning again does not clear this.</source>
        <translation>已记录为床旁核对 {check}。再次扫描不会清除此结果。</translation>
    </message>
    <message>
        <source>✘ NOT CHECKED</source>
        <translation>✘ 未核对 NOT CHECKED</translation>
    </message>
    <message>
        <source>DO NOT GIVE THIS BAG until a bedside check says MATCH.</source>
        <translation>床旁核对结果为“相符”之前，不得输注此袋。</translation>
    </message>
    <message>
        <source>Scan the wristband, then the bag label.</source>
        <translation>先扫描腕带，再扫描输液袋标签。</translation>
    </message>
</context>
<context>
    <name>Check</name>
    <message>
        <source>&amp;Weight (kg):</source>
        <translation>体重（kg）(&amp;W)：</translation>
    </message>
    <message>
        <source>Prescribed &amp;dose, with its unit (million cells, or million cells/kg):</source>
        <translation>处方剂量，须带单位（million cells 或 million cells/kg）(&amp;D)：</translation>
    </message>
    <message>
        <source>Lot &amp;concentration (million cells/mL):</source>
        <translation>批次浓度（× 10⁶ 个细胞/mL）(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Viability (%):</source>
        <translation>细胞活率（%）(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Bag volume (mL):</source>
        <translation>每袋体积（mL）(&amp;B)：</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Prescribed dose</source>
        <translation>处方剂量</translation>
    </message>
    <message>
        <source>Lot concentration</source>
        <translation>批次浓度</translation>
    </message>
    <message>
        <source>Viability</source>
        <translation>细胞活率</translation>
    </message>
    <message>
        <source>Bag volume</source>
        <translation>每袋体积</translation>
    </message>
    <message>
        <source>Volume to draw</source>
        <translation>抽取体积</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Record: “{value}” is not a record number or a bag label code. Accepted: the record number printed on the worksheet (e.g. 12) or a scan of the bag label.</source>
        <translation>记录：“{value}”既不是记录编号，也不是输液袋标签码。可接受：工作单上打印的记录编号（如 12），或扫描输液袋标签。</translation>
    </message>
    <message>
        <source>{id} version {version}</source>
        <translation>{id}，版本 {version}</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>lot {lot}</source>
        <translation>批号 {lot}</translation>
    </message>
    <message>
        <source>✔ MATCH. {signature}.</source>
        <translation>✔ 相符 MATCH。{signature}。</translation>
    </message>
    <message>
        <source>{name} ({user})</source>
        <translation>{name}（{user}）</translation>
    </message>
    <message>
        <source>{name} (initials only: no electronic signature)</source>
        <translation>{name}（仅姓名缩写：无电子签名）</translation>
    </message>
    <message>
        <source>✔ MATCH. Checked by {who} at {when}: blind re-entry matched.</source>
        <translation>✔ 相符 MATCH。核对人 {who}，{when}：盲法重新录入一致。</translation>
    </message>
    <message>
        <source>Independent blind check</source>
        <translation>独立盲法核对</translation>
    </message>
    <message>
        <source>Record number or bag label scan</source>
        <translation>记录编号或输液袋标签扫描</translation>
    </message>
    <message>
        <source>&amp;Record number or scan:</source>
        <translation>记录编号或扫描(&amp;R)：</translation>
    </message>
    <message>
        <source>Checker</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>打开记录(&amp;O)</translation>
    </message>
    <message>
        <source>Record being checked</source>
        <translation>正在核对的记录</translation>
    </message>
    <message>
        <source>Re-enter from the prescription and the product label</source>
        <translation>根据处方和产品标签重新录入</translation>
    </message>
    <message>
        <source>Compare and &amp;sign</source>
        <translation>比对并签名(&amp;S)</translation>
    </message>
    <message>
        <source>Check result</source>
        <translation>核对结果</translation>
    </message>
    <message>
        <source>Differences: entered and recorded side by side</source>
        <translation>差异：录入值与记录值并列</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>You entered</source>
        <translation>您的录入</translation>
    </message>
    <message>
        <source>The record says</source>
        <translation>记录中的值</translation>
    </message>
    <message>
        <source>✖ The scanned label names patient {scanned}, but record {record} is for patient {patient}: this is not the label of that record.</source>
        <translation>✖ 扫描的标签写的是患者 {scanned}，但记录 {record} 属于患者 {patient}：这不是该记录的标签。</translation>
    </message>
    <message>
        <source>{id} ({name})</source>
        <translation>{id}（{name}）</translation>
    </message>
    <message>
        <source>Record {record}: patient {patient}; protocol {protocol}; product {product}.</source>
        <translation>记录 {record}：患者 {patient}；方案 {protocol}；制剂 {product}。</translation>
    </message>
    <message>
        <source>✖ MISMATCH: the check stops here ({count} difference(s)). Resolve them with the preparer against the source documents; the mismatch is kept in the record&apos;s chain.</source>
        <translation>✖ 不符 MISMATCH：核对到此终止（{count} 处差异）。请与配制人对照原始文件解决；此次不符已保留在记录链中。</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>Volume rounded from {exact} to {volume} (nearest {increment}); the dose delivered is recomputed from it.</source>
        <translation>体积由 {exact} 取整为 {volume}（最接近的 {increment} 的倍数）；实际输注剂量据此重新计算。</translation>
    </message>
    <message>
        <source>The volume {exact} rounds to 0 mL at {increment}: nothing measurable would be drawn.</source>
        <translation>体积 {exact} 按 {increment} 取整为 0 mL：无可量取的体积。</translation>
    </message>
    <message>
        <source>The volume to draw {volume} needs {bags} bag(s) of {bag_volume}, but only {available} ({available_volume}) are available.</source>
        <translation>抽取体积 {volume} 需要 {bags} 袋（每袋 {bag_volume}），但仅有 {available} 袋（{available_volume}）可用。</translation>
    </message>
    <message>
        <source>The cells alone are {volume}, more than the site final volume {site_final}: infuse {final} with no diluent.</source>
        <translation>细胞液本身即为 {volume}，超过本中心规定的终体积 {site_final}：输注 {final}，不加稀释液。</translation>
    </message>
    <message>
        <source>Post-thaw viability {viability} is below the minimum {minimum} ({source}).</source>
        <translation>复苏后细胞活率 {viability} 低于最低要求 {minimum}（{source}）。</translation>
    </message>
    <message>
        <source>No thaw time entered: the post-thaw limit was not checked.</source>
        <translation>未填写复苏时间：未核查复苏后时限。</translation>
    </message>
    <message>
        <source>Protocol file {file} ({protocol} version {version}, SHA-256 {hash}…) is not approved at this site: preview only, NOT FOR ADMINISTRATION. Approve it first (mscdose protocol approve FILE).</source>
        <translation>方案文件 {file}（{protocol} 版本 {version}，SHA-256 {hash}…）未在本中心批准：仅供预览，不得用于输注 NOT FOR ADMINISTRATION。请先批准（mscdose protocol approve FILE）。</translation>
    </message>
    <message>
        <source> for this weight band</source>
        <translation>（本体重段）</translation>
    </message>
    <message>
        <source>below the protocol minimum of {limit}{band}</source>
        <translation>低于方案最低剂量 {limit}{band}</translation>
    </message>
    <message>
        <source>above the protocol maximum of {limit}{band}</source>
        <translation>高于方案最高剂量 {limit}{band}</translation>
    </message>
    <message>
        <source>Volume {other} drawn instead of {volume}: {volume} would deliver {value}, {limit}.</source>
        <translation>抽取 {other} 而非 {volume}：{volume} 将输注 {value}，{limit}。</translation>
    </message>
    <message>
        <source>Dose delivered {value} is {limit} ({protocol}).</source>
        <translation>实际输注剂量 {value}，{limit}（{protocol}）。</translation>
    </message>
    <message>
        <source>No age entered: age eligibility was not checked.</source>
        <translation>未填写年龄：未核查年龄入选标准。</translation>
    </message>
    <message>
        <source>{span} years</source>
        <translation>{span} 岁</translation>
    </message>
    <message>
        <source>Age {age} is outside the protocol&apos;s {window}.</source>
        <translation>年龄 {age} 超出方案规定的 {window}。</translation>
    </message>
    <message>
        <source>{outside} The age window is a hard inclusion criterion of this protocol: it cannot be overridden.</source>
        <translation>{outside}年龄范围是本方案的强制入选标准：不可超控。</translation>
    </message>
    <message>
        <source>Weight {weight} is outside the usual {usual}: check the unit and the entry.</source>
        <translation>体重 {weight} 超出常见范围 {usual}：请核对单位和录入。</translation>
    </message>
    <message>
        <source>1 infusion</source>
        <translation>1 次输注</translation>
    </message>
    <message>
        <source>{count} infusions</source>
        <translation>{count} 次输注</translation>
    </message>
    <message>
        <source>This patient already has {count} final infusion record under {protocol}, which allows {allowed} per patient. Another cannot be finalised. To change a saved record, make a correction of it (mscdose correct RECORD_ID, or Correct… in History), which supersedes it.</source>
        <translation>该患者在 {protocol} 下已有 {count} 条定稿输注记录，方案规定每位患者 {allowed}。不能再定稿一次。如需修改已保存的记录，请对其进行更正（mscdose correct RECORD_ID，或在历史记录中点击“更正…”），更正记录将取代原记录。</translation>
    </message>
    <message>
        <source>This patient already has {count} final infusion records under {protocol}, which allows {allowed} per patient. Another cannot be finalised. To change a saved record, make a correction of it (mscdose correct RECORD_ID, or Correct… in History), which supersedes it.</source>
        <translation>该患者在 {protocol} 下已有 {count} 条定稿输注记录，方案规定每位患者 {allowed}。不能再定稿一次。如需修改已保存的记录，请对其进行更正（mscdose correct RECORD_ID，或在历史记录中点击“更正…”），更正记录将取代原记录。</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>site value</source>
        <translation>本中心设定值</translation>
    </message>
    <message>
        <source>protocol value</source>
        <translation>方案规定值</translation>
    </message>
    <message>
        <source>published default</source>
        <translation>文献默认值</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>录入值</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <source>{criterion} (not met)</source>
        <translation>{criterion}（不符合）</translation>
    </message>
    <message>
        <source>{criterion} (not confirmed)</source>
        <translation>{criterion}（未确认）</translation>
    </message>
    <message>
        <source>{count} hard eligibility criteria are not confirmed as met: {criteria}. These cannot be overridden: confirm them, or this patient cannot receive this protocol.</source>
        <translation>{count} 项强制入选/排除标准未确认符合：{criteria}。这些标准不可超控：请逐项确认，否则该患者不能按本方案治疗。</translation>
    </message>
    <message>
        <source>{count} of {total} eligibility criteria are not confirmed: {criteria}</source>
        <translation>{total} 项入选/排除标准中有 {count} 项未确认：{criteria}</translation>
    </message>
    <message>
        <source>This patient already has {count} finalised infusion(s) of this lot today.</source>
        <translation>该患者今天已有 {count} 次本批号的定稿输注。</translation>
    </message>
    <message>
        <source>{flag_code}: {message} (hard limit, cannot be overridden)</source>
        <translation>{flag_code}：{message}（硬性限制，不可超控）</translation>
    </message>
    <message>
        <source>{flag_code}: needs an override with a reason and initials</source>
        <translation>{flag_code}：需要填写理由和签名缩写进行超控</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Dose</source>
        <translation>剂量</translation>
    </message>
    <message>
        <source>Concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <source>Viability</source>
        <translation>细胞活率</translation>
    </message>
    <message>
        <source>Bag volume</source>
        <translation>每袋体积</translation>
    </message>
    <message>
        <source>Bags available</source>
        <translation>可用袋数</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Final volume</source>
        <translation>终体积</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>输注时长</translation>
    </message>
    <message>
        <source>Drop factor</source>
        <translation>滴系数</translation>
    </message>
    <message>
        <source>Volume increment</source>
        <translation>体积取整单位</translation>
    </message>
    <message>
        <source>Thaw time</source>
        <translation>复苏时间</translation>
    </message>
    <message>
        <source>Current time</source>
        <translation>当前时间</translation>
    </message>
    <message>
        <source>Donation identification number</source>
        <translation>献血（捐献）识别码</translation>
    </message>
    <message>
        <source>a weight from 0.1 to 700 kg with its unit kg, g or lb, such as 62 kg, 62.5 kg or 136 lb</source>
        <translation>0.1 至 700 kg 之间的体重，并注明单位 kg、g 或 lb，例如 62 kg、62.5 kg 或 136 lb</translation>
    </message>
    <message>
        <source>a number of cells with its unit, such as 150 million cells, 1.5e8 cells or 150 x 10^6 cells, or a dose per kg such as 2 million cells/kg</source>
        <translation>带单位的细胞数，例如 150 million cells、1.5e8 cells 或 150 x 10^6 cells，或按体重计的剂量，例如 2 million cells/kg</translation>
    </message>
    <message>
        <source>cells per volume with the volume unit, such as 5 million cells/mL or 5e6 cells/mL</source>
        <translation>每单位体积的细胞数并注明体积单位，例如 5 million cells/mL 或 5e6 cells/mL</translation>
    </message>
    <message>
        <source>a percentage above 1 and at most 100, such as 92 % or 92</source>
        <translation>大于 1 且不超过 100 的百分数，例如 92 % 或 92</translation>
    </message>
    <message>
        <source>a volume from 0.01 to 5000 mL with its unit mL or L, such as 20 mL or 0.02 L</source>
        <translation>0.01 至 5000 mL 之间的体积，并注明单位 mL 或 L，例如 20 mL 或 0.02 L</translation>
    </message>
    <message>
        <source>a volume from 0.01 to 5000 mL with its unit mL or L, such as 100 mL</source>
        <translation>0.01 至 5000 mL 之间的体积，并注明单位 mL 或 L，例如 100 mL</translation>
    </message>
    <message>
        <source>a volume from 0.0001 to 100 mL with its unit, such as 0.1 mL</source>
        <translation>0.0001 至 100 mL 之间的体积并注明单位，例如 0.1 mL</translation>
    </message>
    <message>
        <source>a time from 1 s to 7 days with its unit s, min or h, such as 60 min or 1 h</source>
        <translation>1 s 至 7 天之间的时长，并注明单位 s、min 或 h，例如 60 min 或 1 h</translation>
    </message>
    <message>
        <source>drops per mL, such as 20 gtt/mL or 20</source>
        <translation>每 mL 滴数，例如 20 gtt/mL 或 20</translation>
    </message>
    <message>
        <source>a whole number of bags from 1 to 99, such as 2</source>
        <translation>1 至 99 之间的整数袋数，例如 2</translation>
    </message>
    <message>
        <source>an age in years from 0 to 130, such as 45 or 45 years</source>
        <translation>0 至 130 岁之间的年龄，例如 45 或 45 years</translation>
    </message>
    <message>
        <source>a date and time from 2000 to 2100 such as 2026-11-25T09:30 or 2026-11-25 09:30</source>
        <translation>2000 至 2100 年之间的日期和时间，例如 2026-11-25T09:30 或 2026-11-25 09:30</translation>
    </message>
    <message>
        <source>a weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>a number of cells or cells per kg</source>
        <translation>细胞数或每 kg 细胞数</translation>
    </message>
    <message>
        <source>a concentration</source>
        <translation>浓度</translation>
    </message>
    <message>
        <source>a percentage</source>
        <translation>百分数</translation>
    </message>
    <message>
        <source>a volume</source>
        <translation>体积</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>a drop factor</source>
        <translation>滴系数</translation>
    </message>
    <message>
        <source>an age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>an age in years</source>
        <translation>以岁计的年龄</translation>
    </message>
    <message>
        <source>a number of cells</source>
        <translation>细胞数</translation>
    </message>
    <message>
        <source>a dose per kg</source>
        <translation>按体重计的剂量</translation>
    </message>
    <message>
        <source>{label}: {problem} Accepted: {accepted}.</source>
        <translation>{label}：{problem} 可接受：{accepted}。</translation>
    </message>
    <message>
        <source>{label}: {problem}</source>
        <translation>{label}：{problem}</translation>
    </message>
    <message>
        <source>{first} or {second}</source>
        <translation>{first} 或 {second}</translation>
    </message>
    <message>
        <source>13 characters and the check character (G1234 98 654321 H), or the barcode data (=G12349865432177)</source>
        <translation>13 个字符加校验字符（G1234 98 654321 H），或条码数据（=G12349865432177）</translation>
    </message>
    <message>
        <source>Donation identification number: {problem} Accepted: {accepted}.</source>
        <translation>献血/捐献识别号（DIN）：{problem} 可接受：{accepted}。</translation>
    </message>
    <message>
        <source>“{typed}” is far too long for a DIN.</source>
        <translation>“{typed}”作为 DIN 过长。</translation>
    </message>
    <message>
        <source>nothing was entered.</source>
        <translation>未录入任何内容。</translation>
    </message>
    <message>
        <source>“{typed}” is not barcode data of 13 characters and 2 flag digits.</source>
        <translation>“{typed}”不是由 13 个字符和 2 位标志数字组成的条码数据。</translation>
    </message>
    <message>
        <source>the flag characters {flags} do not match {code} (expected {expected}): check the scan or the typing.</source>
        <translation>标志字符 {flags} 与 {code} 不符（应为 {expected}）：请核对扫描或录入。</translation>
    </message>
    <message>
        <source>“{typed}” has {count} characters; 13 and a check character (14 in all) are needed.</source>
        <translation>“{typed}”有 {count} 个字符；需要 13 个字符加一个校验字符（共 14 个）。</translation>
    </message>
    <message>
        <source>the check character {check} does not match {code} (expected {expected}): there is a typing error in the number.</source>
        <translation>校验字符 {check} 与 {code} 不符（应为 {expected}）：号码录入有误。</translation>
    </message>
    <message>
        <source>“{code}” is not a DIN: a facility code (a letter other than O, or 1-9, then 4 digits), 2 digits of year and 6 digits of sequence.</source>
        <translation>“{code}”不是 DIN：应为机构代码（O 以外的字母或 1-9，再加 4 位数字）、2 位年份和 6 位序号。</translation>
    </message>
    <message>
        <source>the entry is {length} characters long; at most {limit} are accepted.</source>
        <translation>录入内容长 {length} 个字符；最多接受 {limit} 个。</translation>
    </message>
    <message>
        <source>kg, g or lb</source>
        <translation>kg、g 或 lb</translation>
    </message>
    <message>
        <source>mL, L or µL</source>
        <translation>mL、L 或 µL</translation>
    </message>
    <message>
        <source>s, min or h</source>
        <translation>s、min 或 h</translation>
    </message>
    <message>
        <source>years</source>
        <translation>岁</translation>
    </message>
    <message>
        <source>cells</source>
        <translation>cells</translation>
    </message>
    <message>
        <source>cells/mL (or cells/L, cells/µL)</source>
        <translation>cells/mL（或 cells/L、cells/µL）</translation>
    </message>
    <message>
        <source>cells/kg</source>
        <translation>cells/kg</translation>
    </message>
    <message>
        <source>“{given}” is not a finite number.</source>
        <translation>“{given}”不是有限数值。</translation>
    </message>
    <message>
        <source>“{given}” contains a comma. Write decimals with a point (62.5, not 62,5) and numbers without thousands separators.</source>
        <translation>“{given}”含有逗号。小数请用小数点（写 62.5，不写 62,5），数字不加千位分隔符。</translation>
    </message>
    <message>
        <source>“{given}” contains “{typed}”, which cannot be part of a quantity: type one number and one unit only.</source>
        <translation>“{given}”含有“{typed}”，它不能是数量的一部分：只输入一个数字和一个单位。</translation>
    </message>
    <message>
        <source>could not read “{given}” as a number with a unit.</source>
        <translation>无法将“{given}”读作带单位的数值。</translation>
    </message>
    <message>
        <source>“{given}” is not a usable number.</source>
        <translation>“{given}”不是可用的数值。</translation>
    </message>
    <message>
        <source>“{given}” is too large or too small to be a real value.</source>
        <translation>“{given}”过大或过小，不可能是真实数值。</translation>
    </message>
    <message>
        <source>“{given}” is not a unit mscdose knows for {kind}; use {units}.</source>
        <translation>“{given}”不是 mscdose 可识别的{kind}单位；请使用 {units}。</translation>
    </message>
    <message>
        <source>this field</source>
        <translation>本栏</translation>
    </message>
    <message>
        <source>“{given}” has more than one multiplier; write for example 150 million cells or 1.5e8 cells.</source>
        <translation>“{given}”含有多个倍数；请写成例如 150 million cells 或 1.5e8 cells。</translation>
    </message>
    <message>
        <source>“{given}” is {kind}, not {expected}.</source>
        <translation>“{given}”是{kind}，不是{expected}。</translation>
    </message>
    <message>
        <source>“{given}” is {kind}, but the unit beside the box is {unit}. Change the unit beside the box, or type the number alone.</source>
        <translation>“{given}”是{kind}，但输入框旁的单位是 {unit}。请更改输入框旁的单位，或只输入数字。</translation>
    </message>
    <message>
        <source>“{given}” needs a unit: {units}.</source>
        <translation>“{given}”需要单位：{units}。</translation>
    </message>
    <message>
        <source>“{given}” must be more than zero.</source>
        <translation>“{given}”必须大于零。</translation>
    </message>
    <message>
        <source>“{given}” is less than {low}, the least this field accepts: check the entry.</source>
        <translation>“{given}”小于本栏可接受的最小值 {low}：请核对录入。</translation>
    </message>
    <message>
        <source>“{given}” is more than {high}: check the entry.</source>
        <translation>“{given}”大于 {high}：请核对录入。</translation>
    </message>
    <message>
        <source>“{given}” looks like a fraction; enter a percentage (92 %, not 0.92).</source>
        <translation>“{given}”像是小数形式；请输入百分数（写 92 %，不写 0.92）。</translation>
    </message>
    <message>
        <source>“{given}” is not a whole number of bags from 1 to 99.</source>
        <translation>“{given}”不是 1 至 99 之间的整数袋数。</translation>
    </message>
    <message>
        <source>“{given}” is not an age from 0 to 130 years.</source>
        <translation>“{given}”不是 0 至 130 岁之间的年龄。</translation>
    </message>
    <message>
        <source>could not read “{given}” as a date and time.</source>
        <translation>无法将“{given}”读作日期和时间。</translation>
    </message>
    <message>
        <source>“{given}” is not between the years 2000 and 2100: check the entry.</source>
        <translation>“{given}”不在 2000 至 2100 年之间：请核对录入。</translation>
    </message>
    <message>
        <source>“{given}” is not a real date and time.</source>
        <translation>“{given}”不是真实存在的日期和时间。</translation>
    </message>
    <message>
        <source>“{given}” has a time zone offset beyond ±14:00.</source>
        <translation>“{given}”的时区偏移超出 ±14:00。</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Order date</source>
        <translation>医嘱日期</translation>
    </message>
    <message>
        <source>Accepted: a date written year-month-day, such as {year}-04-03, not in the future and at most {years} years ago.</source>
        <translation>可接受：按年-月-日书写的日期，例如 {year}-04-03，不得晚于今天，且不早于 {years} 年前。</translation>
    </message>
    <message>
        <source>{label}: “{typed}” is not a date written year-month-day. {accepted}</source>
        <translation>{label}：“{typed}”不是按年-月-日书写的日期。{accepted}</translation>
    </message>
    <message>
        <source>{label}: “{typed}” is not a date in the calendar. {accepted}</source>
        <translation>{label}：“{typed}”不是日历上存在的日期。{accepted}</translation>
    </message>
    <message>
        <source>{label}: “{typed}” is out of range. {accepted}</source>
        <translation>{label}：“{typed}”超出范围。{accepted}</translation>
    </message>
    <message>
        <source>The date of birth {birth} is after the day of preparation {day}: check the patient&apos;s identity and the entry.</source>
        <translation>出生日期 {birth} 晚于配制日期 {day}：请核对患者身份和录入。</translation>
    </message>
    <message>
        <source>The age typed, {age} years, disagrees with the date of birth {birth}, which gives {years} years on {day}: check the patient&apos;s identity and both entries.</source>
        <translation>录入的年龄 {age} 岁与出生日期 {birth} 不符（按该出生日期，{day} 时为 {years} 岁）：请核对患者身份和两项录入。</translation>
    </message>
    <message>
        <source>a number of cells with its unit, such as 100 million cells or 1e8 cells</source>
        <translation>带单位的细胞数，例如 100 million cells 或 1e8 cells</translation>
    </message>
    <message>
        <source>a percentage (v/v) from 0 to 50, such as 10 % or 5</source>
        <translation>0 至 50 之间的百分比（v/v），例如 10 % 或 5</translation>
    </message>
    <message>
        <source>Label cells per bag: {problem} Accepted: {accepted}.</source>
        <translation>标签每袋细胞数：{problem} 可接受：{accepted}。</translation>
    </message>
    <message>
        <source>Label cells per bag: “{typed}” is a dose per kg, not the cells in one bag. Accepted: {accepted}.</source>
        <translation>标签每袋细胞数：“{typed}”是每公斤剂量，不是一袋中的细胞数。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>DMSO: could not read “{typed}” as a percentage. Accepted: {accepted}.</source>
        <translation>DMSO：无法将“{typed}”读作百分比。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>DMSO: “{typed}” is not a number. Accepted: {accepted}.</source>
        <translation>DMSO：“{typed}”不是数字。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>DMSO: “{typed}” is more than 50 %. Accepted: {accepted}.</source>
        <translation>DMSO：“{typed}”超过 50 %。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>Lot concentration {concentration} is outside the usual {usual} for this product ({source}): check the entry against the label (a ten-fold slip is the usual cause).</source>
        <translation>批次浓度 {concentration} 超出本产品的常见范围 {usual}（{source}）：请对照标签核对录入（常见原因是相差十倍的录入错误）。</translation>
    </message>
    <message>
        <source>Concentration × bag volume gives {counted} per bag but the label says {label}: they differ by {difference}, more than the {tolerance} tolerance ({source}). Check the concentration, its unit and the bag volume against the label.</source>
        <translation>浓度 × 每袋体积得出每袋 {counted}，但标签标示为 {label}：两者相差 {difference}，超过允许误差 {tolerance}（{source}）。请对照标签核对浓度、其单位和每袋体积。</translation>
    </message>
    <message>
        <source>Infusion duration {duration} is outside the site range {window} ({source}).</source>
        <translation>输注时长 {duration} 超出本中心范围 {window}（{source}）。</translation>
    </message>
    <message>
        <source>Drop factor {drop_factor} gtt/mL is not one of the site&apos;s giving sets ({listed}).</source>
        <translation>滴系数 {drop_factor} gtt/mL 不是本中心所用输液器的规格（{listed}）。</translation>
    </message>
    <message>
        <source>Volume increment {increment} is not a step the site can measure ({steps}).</source>
        <translation>体积取整单位 {increment} 不是本中心可量取的刻度（{steps}）。</translation>
    </message>
    <message>
        <source>Infusion rate {rate} is above the maximum {maximum} ({source}): infuse over a longer time.</source>
        <translation>输注速度 {rate} 高于上限 {maximum}（{source}）：请延长输注时间。</translation>
    </message>
    <message>
        <source>Total infusion volume {volume} ÷ {weight} = {per_kg} is above the maximum {maximum} mL/kg ({source}).</source>
        <translation>输注总体积 {volume} ÷ {weight} = {per_kg}，高于上限 {maximum} mL/kg（{source}）。</translation>
    </message>
    <message>
        <source>DMSO delivered {per_kg} is above the limit {limit} g/kg/day ({source}). Reduce the volume of product (a more concentrated lot) or wash the cells.</source>
        <translation>输入的 DMSO {per_kg} 高于限量 {limit} g/kg/天（{source}）。请减少产品体积（选用浓度更高的批次）或洗涤细胞。</translation>
    </message>
    <message>
        <source>The product expired at {expiry} (label); it is now {now}. Do not use this product.</source>
        <translation>产品已于 {expiry}（标签）过期；现在是 {now}。不得使用此产品。</translation>
    </message>
    <message>
        <source>Bag {number}</source>
        <translation>第 {number} 袋</translation>
    </message>
    <message>
        <source>The product</source>
        <translation>该产品</translation>
    </message>
    <message>
        <source>{bag} (DIN {din})</source>
        <translation>{bag}（DIN {din}）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>{bag}: product code {code} is not one this protocol accepts (accepted: {accepted}). Do not prepare this product: use a product the protocol lists.</source>
        <translation>{bag}：产品代码 {code} 不是本方案接受的产品（可接受：{accepted}）。不得配制此产品：请使用方案列出的产品。</translation>
    </message>
    <message>
        <source>{bag}: product code {code} is not a cellular therapy product (ISBT 128 cellular therapy codes start with S). Do not prepare this product.</source>
        <translation>{bag}：产品代码 {code} 不是细胞治疗产品（ISBT 128 细胞治疗产品代码以 S 开头）。不得配制此产品。</translation>
    </message>
    <message>
        <source> (the label gives a date only: 23:59 of that day)</source>
        <translation>（标签仅有日期：按当日 23:59 计）</translation>
    </message>
    <message>
        <source>{bag} expired at {expiry}{date_only}; it is now {now}. Do not use this product.</source>
        <translation>{bag}已于 {expiry}{date_only}过期；现在是 {now}。不得使用此产品。</translation>
    </message>
    <message>
        <source>bag {number}: {value}</source>
        <translation>第 {number} 袋：{value}</translation>
    </message>
    <message>
        <source>The bags scanned carry different DINs ({listed}). Every bag of one infusion must come from the same donation: set aside the bag that does not match.</source>
        <translation>扫描的各袋 DIN 不同（{listed}）。同一次输注的每一袋都必须来自同一捐献：请将不相符的袋子放到一边。</translation>
    </message>
    <message>
        <source>The bags scanned carry different product codes ({listed}). Every bag of one infusion must be the same product: set aside the bag that does not match.</source>
        <translation>扫描的各袋产品代码不同（{listed}）。同一次输注的每一袋都必须是同一产品：请将不相符的袋子放到一边。</translation>
    </message>
    <message>
        <source>Product code {codes} was checked only as a cellular therapy product (S...): this protocol file lists no accepted product codes (key product_codes).</source>
        <translation>产品代码 {codes} 仅核查了是否为细胞治疗产品（S...）：本方案文件未列出可接受的产品代码（键 product_codes）。</translation>
    </message>
    <message>
        <source>{elapsed} ({source})</source>
        <translation>{elapsed}（{source}）</translation>
    </message>
    <message>
        <source>{elapsed} have passed since thaw; the limit is {limit}. Do not infuse this product.</source>
        <translation>复苏后已过 {elapsed}；时限为 {limit}。不得输注此产品。</translation>
    </message>
    <message>
        <source> (start by {moment})</source>
        <translation>（须于 {moment} 前开始）</translation>
    </message>
    <message>
        <source>, {elapsed} after the post-thaw limit</source>
        <translation>，超出复苏后时限 {elapsed}</translation>
    </message>
    <message>
        <source>An infusion of {duration} started now would end{overrun}: it must finish by {finish_by} (thaw + {limit}){late}. Shorten the infusion only if the protocol allows it; otherwise do not infuse.</source>
        <translation>现在开始输注 {duration}，结束时间将超时{overrun}：必须在 {finish_by}（复苏 + {limit}）前输完{late}。仅在方案允许时缩短输注时间；否则不得输注。</translation>
    </message>
    <message>
        <source>Wristband pattern: “{typed}” must contain {{id}} exactly once. Accepted: {{id}} for a plain patient id, or text around it such as MRN:{{id}} or {{id}}^H01.</source>
        <translation>腕带格式：“{typed}”必须恰好包含一次 {{id}}。可接受：{{id}}（仅患者编号），或在其前后加文字，例如 MRN:{{id}} 或 {{id}}^H01。</translation>
    </message>
    <message>
        <source>Wristband: nothing was scanned. Accepted: {form}.</source>
        <translation>腕带：未扫描到任何内容。可接受：{form}。</translation>
    </message>
    <message>
        <source>Wristband: “{scanned_text}” does not have this site&apos;s wristband form {form}. Accepted: {form}.</source>
        <translation>腕带：“{scanned_text}”不符合本机构的腕带格式 {form}。可接受：{form}。</translation>
    </message>
    <message>
        <source>Wristband: “{scanned_text}” is a bag or product label, not a wristband. Accepted: {form}.</source>
        <translation>腕带：“{scanned_text}”是输液袋或产品标签，不是腕带。可接受：{form}。</translation>
    </message>
    <message>
        <source>MATCH – right patient, right bag, in time. Give this bag to this patient.</source>
        <translation>相符 MATCH – 患者正确、输液袋正确、在时限内。请为此患者输注此袋。</translation>
    </message>
    <message>
        <source>MISMATCH – DO NOT GIVE THIS BAG. {count} problem(s) found.</source>
        <translation>不符 MISMATCH – 不得输注此袋。发现 {count} 个问题。</translation>
    </message>
    <message>
        <source>TOO LATE TO START: the infusion had to start by {start}; it is now {now}. It could not finish within the post-thaw limit. Call the pharmacy.</source>
        <translation>开始过晚：输注须于 {start} 前开始；现在是 {now}。已无法在复苏后时限内完成输注。请联系药房。</translation>
    </message>
    <message>
        <source>PAST FINISH BY: the infusion had to finish by {finish_by}; it is now {now}. The cells are past their post-thaw limit. Call the pharmacy.</source>
        <translation>已过完成时限：输注须于 {finish_by} 前完成；现在是 {now}。细胞已超过复苏后时限。请联系药房。</translation>
    </message>
    <message>
        <source>The record has no start-by or finish-by time (no thaw time was recorded): the time since thaw was not checked. Check it against the product paperwork.</source>
        <translation>记录中没有最晚开始或最晚完成时间（未记录复苏时间）：未核对复苏后经过的时间。请对照产品文件核对。</translation>
    </message>
    <message>
        <source>WRONG DONATION: the product label says DIN {scanned_din}; the record was prepared from DIN {record_din}.</source>
        <translation>捐献不符：产品标签为 DIN {scanned_din}；该记录按 DIN {record_din} 配制。</translation>
    </message>
    <message>
        <source>WRONG PRODUCT: the product label says product {scanned_product}; the record was prepared from product {record_product}.</source>
        <translation>产品不符：产品标签为产品 {scanned_product}；该记录按产品 {record_product} 配制。</translation>
    </message>
    <message>
        <source>WRISTBAND NOT READ: {problem}</source>
        <translation>腕带未能读取：{problem}</translation>
    </message>
    <message>
        <source>BAG LABEL NOT READ: {problem}</source>
        <translation>输液袋标签未能读取：{problem}</translation>
    </message>
    <message>
        <source>PRODUCT LABEL NOT READ: {problem}</source>
        <translation>产品标签未能读取：{problem}</translation>
    </message>
    <message>
        <source>RECORD DIN UNREADABLE: the record&apos;s DIN “{given}” is not a DIN. Call the pharmacy.</source>
        <translation>记录的 DIN 无法读取：记录中的 DIN“{given}”不是 DIN。请联系药房。</translation>
    </message>
    <message>
        <source>WRONG PATIENT: the wristband says patient {wristband_patient}; this bag is for patient {record_patient}.</source>
        <translation>患者不符：腕带为患者 {wristband_patient}；此袋属于患者 {record_patient}。</translation>
    </message>
    <message>
        <source>WRONG RECORD: the bag label is for record {label_record}, not record {record}.</source>
        <translation>记录不符：输液袋标签属于记录 {label_record}，不是记录 {record}。</translation>
    </message>
    <message>
        <source>WRONG PATIENT ON LABEL: the bag label says patient {label_patient}; record {record} is for patient {record_patient}.</source>
        <translation>标签上的患者不符：输液袋标签为患者 {label_patient}；记录 {record} 属于患者 {record_patient}。</translation>
    </message>
    <message>
        <source>WRONG DONATION: the bag label says DIN {label_din}; record {record} was prepared from DIN {record_din}.</source>
        <translation>捐献不符：输液袋标签为 DIN {label_din}；记录 {record} 按 DIN {record_din} 配制。</translation>
    </message>
    <message>
        <source>RECORD SUPERSEDED: record {record} was replaced by a correction. This bag was prepared from the old numbers: do not give it. Call the pharmacy.</source>
        <translation>记录已被取代：记录 {record} 已被更正记录取代。此袋按旧数值配制：不得输注。请联系药房。</translation>
    </message>
    <message>
        <source>RECORD BLOCKED: record {record} has a hard limit and was never a final preparation.</source>
        <translation>记录被阻止：记录 {record} 触及硬性限制，从未成为定稿的配制。</translation>
    </message>
    <message>
        <source>NO RECORD TO COMPARE: the bag label could not be matched to a record. Call the pharmacy.</source>
        <translation>无可比对的记录：输液袋标签无法对应到任何记录。请联系药房。</translation>
    </message>
    <message>
        <source>criterion numbers {inclusion}{exclusion}the exact text of a criterion, or all (with --confirmed-by INITIALS)</source>
        <translation>标准编号 {inclusion}{exclusion}标准的完整原文，或 all（同时给出 --confirmed-by 姓名缩写）</translation>
    </message>
    <message>
        <source>Confirmed by: --confirm all confirms every eligibility criterion at once, so it needs the initials of the person who confirmed them. Accepted: --confirmed-by INITIALS, 2 to 6 letters (e.g. JS).</source>
        <translation>确认人：--confirm all 一次确认全部入选标准，因此需要确认人的姓名缩写。可接受：--confirmed-by 姓名缩写，2 至 6 个字母（例如 JS）。</translation>
    </message>
    <message>
        <source>Confirm: “{token}” is not a criterion of {protocol}. Accepted: {accepted}.</source>
        <translation>确认：“{token}”不是 {protocol} 的标准。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>Confirm: {key} is not a criterion of {protocol}. Accepted: {accepted}.</source>
        <translation>确认：{key} 不是 {protocol} 的标准。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>Confirm: “{criteria}” cannot be confirmed: the age entered, {age} years, is outside the protocol&apos;s window.</source>
        <translation>确认：“{criteria}”不能确认：录入的年龄 {age} 岁超出方案范围。</translation>
    </message>
    <message>
        <source>a bag label code printed by mscdose: MSCDOSE1|R=&lt;record id&gt;|P=&lt;patient id&gt;|D=&lt;DIN&gt;</source>
        <translation>mscdose 打印的输液袋标签码：MSCDOSE1|R=&lt;记录编号&gt;|P=&lt;患者编号&gt;|D=&lt;DIN&gt;</translation>
    </message>
    <message>
        <source>Bag label: nothing was scanned. Accepted: {accepted}.</source>
        <translation>输液袋标签：未扫描到任何内容。可接受：{accepted}。</translation>
    </message>
    <message>
        <source> The letters are in the wrong case: is Caps Lock on?</source>
        <translation>字母大小写有误：是否开启了大写锁定（Caps Lock）？</translation>
    </message>
    <message>
        <source> This is not an mscdose bag label (a product label or a wristband scanned here?).</source>
        <translation>这不是 mscdose 输液袋标签（是否扫描了产品标签或腕带？）。</translation>
    </message>
    <message>
        <source>Bag label: “{scanned_text}” cannot be read.{hint} Accepted: {accepted}.</source>
        <translation>输液袋标签：无法读取“{scanned_text}”。{hint} 可接受：{accepted}。</translation>
    </message>
    <message>
        <source>Bag label: “{scanned_text}” has a damaged patient id or DIN. Accepted: {accepted}.</source>
        <translation>输液袋标签：“{scanned_text}”中的患者编号或 DIN 已损坏。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>Counting basis: “{typed}” is not known. Accepted: total (the lot count is of all cells) or viable (the lot count is of viable cells only).</source>
        <translation>计数基准：无法识别“{typed}”。可接受：total（批次计数为全部细胞）或 viable（批次计数仅为活细胞）。</translation>
    </message>
    <message>
        <source>Scan {number} of {count}: {problem}</source>
        <translation>第 {number} 次扫描（共 {count} 次）：{problem}</translation>
    </message>
    <message>
        <source>{label}: typed {typed}, but the scanned label says {scanned}. Is this the bag being prepared? Scan it again, or correct the typed value (the scan and the typed value must agree). Accepted: {accepted}.</source>
        <translation>{label}：录入为 {typed}，但扫描的标签为 {scanned}。这是正在配制的那一袋吗？请重新扫描或更正录入值（扫描值与录入值必须一致）。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>the DIN of the bag being prepared</source>
        <translation>正在配制的输液袋的 DIN</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>the product code of the bag being prepared</source>
        <translation>正在配制的输液袋的产品代码</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>the expiry on the label of the bag being prepared</source>
        <translation>正在配制的输液袋标签上的有效期</translation>
    </message>
    <message>
        <source>{field}: one text was expected, not a list.</source>
        <translation>{field}：应为一段文字，而不是列表。</translation>
    </message>
    <message>
        <source>Thaw time: “{typed}” is later than the current time ({now}). Accepted: {accepted}, not in the future.</source>
        <translation>复苏时间：“{typed}”晚于当前时间（{now}）。可接受：{accepted}，且不得晚于当前时间。</translation>
    </message>
    <message>
        <source>ISBT 128 barcode data from the product label, one or several data structures in one scan: DIN (=αppppyynnnnnnff), product code (=&lt;αooootds), expiry (&amp;&gt;cyyjjjhhmm or =&gt;cyyjjj), collection date (=*cyyjjj or &amp;*cyyjjjhhmm)</source>
        <translation>产品标签上的 ISBT 128 条码数据，一次扫描可含一个或多个数据结构：DIN（=αppppyynnnnnnff）、产品代码（=&lt;αooootds）、有效期（&amp;&gt;cyyjjjhhmm 或 =&gt;cyyjjj）、采集日期（=*cyyjjj 或 &amp;*cyyjjjhhmm）</translation>
    </message>
    <message>
        <source>Scan: {problem} Accepted: {accepted}.</source>
        <translation>扫描：{problem} 可接受：{accepted}。</translation>
    </message>
    <message>
        <source> Most letters are lower case: is Caps Lock on, or the scanner set to another keyboard layout?</source>
        <translation>大多数字母为小写：是否开启了大写锁定，或扫描枪设置了其他键盘布局？</translation>
    </message>
    <message>
        <source>the DIN “={scanned_text}” is cut short ({count} of 15 characters after =: 13 of the number and 2 flag characters). Scan the DIN barcode again.</source>
        <translation>DIN“={scanned_text}”不完整（= 之后应有 15 个字符，现有 {count} 个：号码 13 个和标志字符 2 个）。请重新扫描 DIN 条码。</translation>
    </message>
    <message>
        <source>the DIN flag characters “{flags}” are not ISBT 128 flags.</source>
        <translation>DIN 标志字符“{flags}”不是 ISBT 128 标志。</translation>
    </message>
    <message>
        <source>“{token}” (character {position} of “{scanned_text}”) does not start an ISBT 128 data structure: each starts with = or &amp;.{hint}</source>
        <translation>“{token}”（“{scanned_text}”的第 {position} 个字符）不是 ISBT 128 数据结构的开头：每个数据结构以 = 或 &amp; 开头。{hint}</translation>
    </message>
    <message>
        <source>“{token}” at the end of “{scanned_text}” is a data identifier with nothing after it.</source>
        <translation>“{scanned_text}”末尾的“{token}”是数据标识符，其后没有内容。</translation>
    </message>
    <message>
        <source>“{token}” is a data structure defined nationally or by a facility, whose length mscdose cannot know. Scan the ISBT 128 barcodes one at a time.</source>
        <translation>“{token}”是国家或机构自定义的数据结构，mscdose 无法得知其长度。请逐个扫描 ISBT 128 条码。</translation>
    </message>
    <message>
        <source>“{token}” is not an ISBT 128 data identifier.{hint}</source>
        <translation>“{token}”不是 ISBT 128 数据标识符。{hint}</translation>
    </message>
    <message>
        <source>the {name} “{scanned_text}” is cut short ({count} of {length} characters). Scan the barcode again.</source>
        <translation>{name}“{scanned_text}”不完整（应有 {length} 个字符，现有 {count} 个）。请重新扫描条码。</translation>
    </message>
    <message>
        <source>the compound message “{scanned_text}” is not a single header at the start.</source>
        <translation>复合信息“{scanned_text}”不是位于开头的单一信息头。</translation>
    </message>
    <message>
        <source>the compound message says it holds {declared} data structures but {read} were read: the scan is incomplete. Scan the code again.</source>
        <translation>复合信息声明含有 {declared} 个数据结构，但只读取到 {read} 个：扫描不完整。请重新扫描条码。</translation>
    </message>
    <message>
        <source>the {name} “{scanned_text}” is impossible: {reason}.</source>
        <translation>{name}“{scanned_text}”不可能成立：{reason}。</translation>
    </message>
    <message>
        <source>two different values of {name} in one scan (“{token}” and “{scanned_text}”). Scan one label at a time.</source>
        <translation>一次扫描中有两个不同的{name}（“{token}”和“{scanned_text}”）。请每次只扫描一个标签。</translation>
    </message>
    <message>
        <source>nothing was scanned.</source>
        <translation>未扫描到任何内容。</translation>
    </message>
    <message>
        <source>the DIN {code} with flag characters {flags} fails its check (the flags should be {expected}): the barcode is damaged or not a DIN. Scan it again or type the DIN from the label.</source>
        <translation>DIN {code}（标志字符 {flags}）校验失败（标志应为 {expected}）：条码已损坏或不是 DIN。请重新扫描，或按标签手工录入 DIN。</translation>
    </message>
    <message>
        <source>the product code “=&lt;{scanned_text}” is not αooootds (a letter, 4 letters or digits, then the collection type and the division).</source>
        <translation>产品代码“=&lt;{scanned_text}”不符合 αooootds（一个字母、4 个字母或数字，再加采集类型和分装号）。</translation>
    </message>
    <message>
        <source>two different expiry dates in one scan (“{token}” and “{scanned_text}”).</source>
        <translation>一次扫描中有两个不同的有效期（“{token}”和“{scanned_text}”）。</translation>
    </message>
    <message>
        <source>the 8 characters of the ISBT 128 product code under its barcode (such as S1234A00: a letter, 4 letters or digits, collection type, division), with or without =&lt;</source>
        <translation>条码下方 ISBT 128 产品代码的 8 个字符（例如 S1234A00：一个字母、4 个字母或数字、采集类型、分装号），可带或不带 =&lt;</translation>
    </message>
    <message>
        <source>Product code: “{typed}” is not an ISBT 128 product code. Accepted: {accepted}.</source>
        <translation>产品代码：“{typed}”不是 ISBT 128 产品代码。可接受：{accepted}。</translation>
    </message>
    <message>
        <source>“{typed}” contains “{char}” ({name}), a full-width or non-Latin character. Switch the input method to half-width (direct input) and type it again with the digits 0–9. {half_width}</source>
        <translation>“{typed}”含有“{char}”（{name}），这是全角或非拉丁字符，不是半角数字 0–9。{half_width}</translation>
    </message>
    <message>
        <source>“{typed}” contains an invisible or control character ({name}). Delete the entry and type it again.</source>
        <translation>“{typed}”含有不可见字符或控制字符（{name}）。请删除后重新输入。</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>up to 32 letters A–Z, digits and - / . _</source>
        <translation>最多 32 个字符：字母 A–Z、数字及 - / . _</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>a name of up to 100 characters on one line</source>
        <translation>单行姓名，最多 100 个字符</translation>
    </message>
    <message>
        <source>Lot</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>up to 40 letters A–Z, digits and - / . _</source>
        <translation>最多 40 个字符：字母 A–Z、数字及 - / . _</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <source>2 to 8 letters, such as AB or A.B.</source>
        <translation>2 至 8 个字母，例如 AB 或 A.B.</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>a sentence of up to 500 characters on one line</source>
        <translation>单行语句，最多 500 个字符</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>处方医师</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>医嘱编号</translation>
    </message>
    <message>
        <source>text on one line</source>
        <translation>单行文字</translation>
    </message>
    <message>
        <source>{label}: {problem} Accepted: {accepted} (at most {limit} characters).</source>
        <translation>{label}：{problem} 可接受：{accepted}（最多 {limit} 个字符）。</translation>
    </message>
    <message>
        <source>“{typed}” is {length} characters long; at most {limit} are accepted.</source>
        <translation>“{typed}”长 {length} 个字符；最多可接受 {limit} 个。</translation>
    </message>
    <message>
        <source>“{typed}” contains characters an identifier cannot have.</source>
        <translation>“{typed}”含有编号中不允许的字符。</translation>
    </message>
    <message>
        <source>“{typed}” is not initials.</source>
        <translation>“{typed}”不是姓名缩写。</translation>
    </message>
    <message>
        <source>User: no user id was given. Accepted: your user id (an admin can list them with `mscdose user list`).</source>
        <translation>用户：未给出用户名。可接受：您的用户名（管理员可用 `mscdose user list` 列出）。</translation>
    </message>
    <message>
        <source>User: “{user_id}” is not a user of this record store. Accepted: a user id an admin added (`mscdose user list`).</source>
        <translation>用户：“{user_id}”不是本记录库的用户。可接受：管理员添加的用户名（`mscdose user list`）。</translation>
    </message>
    <message>
        <source>User {user_id} is disabled and cannot sign.</source>
        <translation>用户 {user_id} 已停用，不能签名。</translation>
    </message>
    <message>
        <source>User {user_id} is locked after {limit} failed sign-ins. An admin must unlock it (`mscdose user unlock {user_id}` or the Users window).</source>
        <translation>用户 {user_id} 登录失败 {limit} 次后已被锁定。须由管理员解锁（`mscdose user unlock {user_id}` 或“用户”窗口）。</translation>
    </message>
    <message>
        <source>User {user_id} cannot sign: {error}. An admin must set a new password.</source>
        <translation>用户 {user_id} 不能签名：{error}。须由管理员设置新密码。</translation>
    </message>
    <message>
        <source>Password: wrong password for {user_id}. That was failure {failures} in a row, so the account is now locked; an admin must unlock it.</source>
        <translation>密码：{user_id} 的密码错误。已连续失败 {failures} 次，账户现已锁定；须由管理员解锁。</translation>
    </message>
    <message>
        <source>Password: wrong password for {user_id} (failure {failures} in a row; the account is locked after {left} more).</source>
        <translation>密码：{user_id} 的密码错误（已连续失败 {failures} 次；再失败 {left} 次账户将被锁定）。</translation>
    </message>
    <message>
        <source>User {user_id} is a {role}; only an admin may do this.</source>
        <translation>用户 {user_id} 的角色是 {role}；只有管理员可以执行此操作。</translation>
    </message>
    <message>
        <source>Password: {problem}. Accepted: at least {min_password} characters, or a PIN of at least {min_pin} digits.</source>
        <translation>密码：{problem}。可接受：至少 {min_password} 个字符，或至少 {min_pin} 位数字的 PIN。</translation>
    </message>
    <message>
        <source>New user: {problem}.</source>
        <translation>新用户：{problem}。</translation>
    </message>
    <message>
        <source>New user: this record store has no users yet, so the first one must be an admin (role admin), who then adds the others.</source>
        <translation>新用户：本记录库尚无用户，因此第一个用户必须是管理员（角色 admin），再由其添加其他用户。</translation>
    </message>
    <message>
        <source>Adding a user needs an admin&apos;s user id and password.</source>
        <translation>添加用户需要管理员的用户名和密码。</translation>
    </message>
    <message>
        <source>User {user_id} may only change their own password.</source>
        <translation>用户 {user_id} 只能修改自己的密码。</translation>
    </message>
    <message>
        <source>This record store has user accounts: signing needs a user id and password.</source>
        <translation>本记录库启用了用户账户：签名需要用户名和密码。</translation>
    </message>
    <message>
        <source>This record store has no user accounts: sign with initials.</source>
        <translation>本记录库未启用用户账户：请用姓名缩写签名。</translation>
    </message>
    <message>
        <source>This record store has user accounts: checking needs your user id and password.</source>
        <translation>本记录库启用了用户账户：核对需要您的用户名和密码。</translation>
    </message>
    <message>
        <source>User {user_id} is a {role}; only a checker or admin may check.</source>
        <translation>用户 {user_id} 的角色是 {role}；只有核对人或管理员可以核对。</translation>
    </message>
    <message>
        <source>Checked by: give your initials (2 to 6 letters, e.g. JS).</source>
        <translation>核对人：请给出您的姓名缩写（2 至 6 个字母，例如 JS）。</translation>
    </message>
    <message>
        <source>Record {record_id} was corrected by record {superseded_by}; check that one.</source>
        <translation>记录 {record_id} 已被记录 {superseded_by} 更正；请核对该记录。</translation>
    </message>
    <message>
        <source>Record {record_id} is already checked: {manifestation}.</source>
        <translation>记录 {record_id} 已核对：{manifestation}。</translation>
    </message>
    <message>
        <source>Record {record_id} was prepared by {who}: the preparer cannot check their own record. Ask another person to check it.</source>
        <translation>记录 {record_id} 由 {who} 配制：配制人不能核对自己的记录。请另一人核对。</translation>
    </message>
    <message>
        <source>Protocol: the record was made under {protocol_id} version {version} with SHA-256 {wanted_sha256}, but the protocol given has SHA-256 {sha256}. Accepted: the record&apos;s own protocol file (--protocol FILE).</source>
        <translation>方案：该记录依据 {protocol_id} 版本 {version}（SHA-256 {wanted_sha256}）生成，但给出的方案 SHA-256 为 {sha256}。可接受：该记录自己的方案文件（--protocol FILE）。</translation>
    </message>
    <message>
        <source>{label}: nothing was entered. A blind check re-enters all five: {fields}.</source>
        <translation>{label}：未录入。盲核需重新录入全部五项：{fields}。</translation>
    </message>
    <message>
        <source>blocked by a hard limit: {problems}</source>
        <translation>被硬性限制阻止：{problems}</translation>
    </message>
    <message>
        <source>the worksheet cannot be finalised: {problems}. {hint}</source>
        <translation>工作单不能定稿：{problems}。{hint}</translation>
    </message>
    <message>
        <source>the worksheet cannot be finalised: {problems}</source>
        <translation>工作单不能定稿：{problems}</translation>
    </message>
    <message>
        <source>Patient ID: nothing was entered. Accepted: the patient&apos;s hospital or trial number as printed on the wristband, e.g. AA-014.</source>
        <translation>患者ID：未输入任何内容。可接受：腕带上印的患者住院号或试验编号，例如 AA-014。</translation>
    </message>
    <message>
        <source>Checked by: “{checked}” are the preparer&apos;s own initials. Accepted: the initials of a second person who checked independently, or nothing (the check is then a later step: mscdose check, or Check a record in the window).</source>
        <translation>核对人：“{checked}”是配制人自己的姓名缩写。可接受：独立核对的第二人的姓名缩写，或留空（核对作为之后的步骤：mscdose check，或窗口中的“核对记录”）。</translation>
    </message>
    <message>
        <source>override {override_code}: {problem}</source>
        <translation>覆盖 {override_code}：{problem}</translation>
    </message>
    <message>
        <source>override {override_code}: this calculation has no such soft flag. Soft flags to override: {value}.</source>
        <translation>覆盖 {override_code}：本次计算没有该软性警示。需覆盖的软性警示：{value}。</translation>
    </message>
    <message>
        <source>This record store has user accounts: finalising needs the preparer&apos;s user id and password (an electronic signature, meaning “prepared”).</source>
        <translation>本记录库启用了用户账户：定稿需要配制人的用户名和密码（电子签名，含义为“已配制”）。</translation>
    </message>
    <message>
        <source>INFUSION_LIMIT_REACHED: {reason} (hard limit, cannot be overridden; a correction supersedes the earlier record: mscdose correct RECORD_ID)</source>
        <translation>INFUSION_LIMIT_REACHED：{reason}（硬性限制，不能覆盖；更正记录可取代先前的记录：mscdose correct RECORD_ID）</translation>
    </message>
    <message>
        <source>Record {record_id} has not been checked independently, and this site requires the check before the bag is labelled: `mscdose check {record_id} ...` (or Check a record in the window) first.</source>
        <translation>记录 {record_id} 尚未经独立核对，而本机构要求贴标签前必须核对：请先执行 `mscdose check {record_id} ...`（或窗口中的“核对记录”）。</translation>
    </message>
    <message>
        <source>Record {record_id} was corrected by record {superseded_by}: no label is printed for a superseded record. Print the label of record {superseded_by}.</source>
        <translation>记录 {record_id} 已被记录 {superseded_by} 更正：已被取代的记录不打印标签。请打印记录 {superseded_by} 的标签。</translation>
    </message>
    <message>
        <source>Record {record_id}: {error}</source>
        <translation>记录 {record_id}：{error}</translation>
    </message>
    <message>
        <source>Could not write the bag label of record {record_id} to “{output}”: {reason}. The failure is logged; nothing was left behind.</source>
        <translation>无法将记录 {record_id} 的输液袋标签写入“{output}”：{reason}。失败已记入日志；未留下任何文件。</translation>
    </message>
    <message>
        <source>Page size: “{page_size}” is not accepted. Accepted: A4 or Letter.</source>
        <translation>纸张大小：不接受“{page_size}”。可接受：A4 或 Letter。</translation>
    </message>
    <message>
        <source>Accepted: a file name ending in {suffix} in an existing folder.</source>
        <translation>可接受：现有文件夹中以 {suffix} 结尾的文件名。</translation>
    </message>
    <message>
        <source>--output: “{text}” does not end in {suffix}. {accepted}</source>
        <translation>--output：“{text}”不以 {suffix} 结尾。{accepted}</translation>
    </message>
    <message>
        <source>--output: the file name is too long for this file system ({count} characters). {accepted}</source>
        <translation>--output：文件名对此文件系统过长（{count} 个字符）。{accepted}</translation>
    </message>
    <message>
        <source>--output: the folder of “{text}” does not exist. {accepted}</source>
        <translation>--output：“{text}”所在的文件夹不存在。{accepted}</translation>
    </message>
    <message>
        <source>--output: “{text}” is a folder. {accepted}</source>
        <translation>--output：“{text}”是文件夹。{accepted}</translation>
    </message>
    <message>
        <source>--output: “{text}” already exists and was not overwritten. Choose another name, or give --force to replace it.</source>
        <translation>--output：“{text}”已存在，未被覆盖。请另选文件名，或加 --force 替换。</translation>
    </message>
    <message>
        <source>{code}: {problem} (checked again at printing, with the real clock)</source>
        <translation>{code}：{problem}（打印时按实际时钟再次检查）</translation>
    </message>
    <message>
        <source>--output: cannot write “{output}”: {failure_text}</source>
        <translation>--output：无法写入“{output}”：{failure_text}</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>write the worksheet of</source>
        <translation>写出工作单：</translation>
    </message>
    <message>
        <source>Could not {verb} record {record_id}{where}: {reason}. The record is saved and the failure is logged. Get the worksheet with `mscdose reprint {record_id} --output FILE.pdf` (or Reprint in History).</source>
        <translation>无法{verb}记录 {record_id}{where}：{reason}。记录已保存，失败已记入日志。请用 `mscdose reprint {record_id} --output FILE.pdf`（或“历史记录”中的“重印”）获取工作单。</translation>
    </message>
    <message>
        <source>--by: “{by}” is not initials. Accepted: 2 to 6 letters, e.g. JS.</source>
        <translation>--by：“{by}”不是姓名缩写。可接受：2 至 6 个字母，例如 JS。</translation>
    </message>
    <message>
        <source>--reason: {problem}</source>
        <translation>--reason：{problem}</translation>
    </message>
    <message>
        <source>Protocol file {path}: id &apos;{protocol_id}&apos; is already used by protocol {other_id} version {other_version} (SHA-256 {other_sha256}). One id names one protocol: give this file its own id.</source>
        <translation>方案文件 {path}：编号“{protocol_id}”已被方案 {other_id} 版本 {other_version}（SHA-256 {other_sha256}）使用。一个编号只对应一个方案：请为此文件另设编号。</translation>
    </message>
    <message>
        <source>--database: “{path}” is not a file; give an existing record database (or leave --database out to use the data folder&apos;s).</source>
        <translation>--database：“{path}”不是文件；请给出已有的记录数据库（或省略 --database，使用数据文件夹中的数据库）。</translation>
    </message>
    <message>
        <source>{typed} = {weight}</source>
        <translation>{typed} = {weight}</translation>
    </message>
    <message>
        <source>{typed} = {weight} (1 lb = 0.45359237 kg)</source>
        <translation>{typed} = {weight}（1 lb = 0.45359237 kg）</translation>
    </message>
    <message>
        <source>{per_kg} × {weight} = {target}</source>
        <translation>{per_kg} × {weight} = {target}</translation>
    </message>
    <message>
        <source>{target} (prescribed as a total)</source>
        <translation>{target}（按总量开具）</translation>
    </message>
    <message>
        <source>{concentration} × {viability} ÷ 100 = {viable}</source>
        <translation>{concentration} × {viability} ÷ 100 = {viable}</translation>
    </message>
    <message>
        <source>{viable} (the lot count is of viable cells; viability {viability} is checked, not applied again)</source>
        <translation>{viable}（批次计数即为活细胞；细胞活率 {viability} 仅作核对，不再重复折算）</translation>
    </message>
    <message>
        <source>the protocol counts all cells: {concentration}</source>
        <translation>方案按全部细胞计数：{concentration}</translation>
    </message>
    <message>
        <source>{target} ÷ {concentration} = {exact}</source>
        <translation>{target} ÷ {concentration} = {exact}</translation>
    </message>
    <message>
        <source>{exact} rounded to the nearest {increment} (ties up) = {rounded}</source>
        <translation>{exact} 按 {increment} 刻度四舍五入（逢五进一）= {rounded}</translation>
    </message>
    <message>
        <source>{volume} would deliver {value}, {limit}; the nearest measurable volume that stays inside is {other}</source>
        <translation>{volume} 将输注 {value}，{limit}；仍在范围内的最接近可量取体积为 {other}</translation>
    </message>
    <message>
        <source>{volume} would deliver {value}, {limit}, and {other} is outside the window too (multiples of {increment})</source>
        <translation>{volume} 将输注 {value}，{limit}；而 {other} 也超出范围（{increment} 的倍数）</translation>
    </message>
    <message>
        <source>{volume} would deliver {value}, {limit}, and 0 mL delivers nothing (multiples of {increment})</source>
        <translation>{volume} 将输注 {value}，{limit}；而 0 mL 不含任何细胞（{increment} 的倍数）</translation>
    </message>
    <message>
        <source>{volume} × {concentration} = {delivered} ({basis})</source>
        <translation>{volume} × {concentration} = {delivered}（{basis}）</translation>
    </message>
    <message>
        <source>viable cells</source>
        <translation>活细胞</translation>
    </message>
    <message>
        <source>cells (all)</source>
        <translation>全部细胞</translation>
    </message>
    <message>
        <source>{delivered} ÷ {weight} = {per_kg}</source>
        <translation>{delivered} ÷ {weight} = {per_kg}</translation>
    </message>
    <message>
        <source>⌈{volume} ÷ {bag}⌉ = {bags} ({available} available, {total} in all)</source>
        <translation>⌈{volume} ÷ {bag}⌉ = {bags}（现有 {available} 袋，共 {total}）</translation>
    </message>
    <message>
        <source>the larger of {site} (site) and {volume} = {final}; diluent {final} − {volume} = {diluent}</source>
        <translation>{site}（本中心设定）与 {volume} 中的较大者 = {final}；稀释液 {final} − {volume} = {diluent}</translation>
    </message>
    <message>
        <source>{final} ÷ {duration} × 60 = {rate}</source>
        <translation>{final} ÷ {duration} × 60 = {rate}</translation>
    </message>
    <message>
        <source>{final} ÷ {duration} × 60 = {exact}, set to the nearest 0.1 mL/h = {rate}</source>
        <translation>{final} ÷ {duration} × 60 = {exact}，按最接近的 0.1 mL/h 设定 = {rate}</translation>
    </message>
    <message>
        <source>{final} × {factor} gtt/mL ÷ {duration} = {exact}, rounded to whole drops (ties up) = {drip}</source>
        <translation>{final} × {factor} 滴/mL ÷ {duration} = {exact}，取整滴（逢五进一）= {drip}</translation>
    </message>
    <message>
        <source>thawed {thawed} + {allowed} = {finish}</source>
        <translation>复苏 {thawed} + {allowed} = {finish}</translation>
    </message>
    <message>
        <source>finish by {finish} − {duration} infusion = {start}</source>
        <translation>最晚结束 {finish} − 输注 {duration} = {start}</translation>
    </message>
    <message>
        <source>finish by {finish} − {duration} infusion = never</source>
        <translation>最晚结束 {finish} − 输注 {duration} = 已无法按时开始</translation>
    </message>
    <message>
        <source>{concentration} × {bag} = {counted} per bag; label {label}; difference {difference}</source>
        <translation>{concentration} × {bag} = 每袋 {counted}；标签 {label}；相差 {difference}</translation>
    </message>
    <message>
        <source>{concentration} × {bag} = {counted} per bag; label {label}; difference {difference} (tolerance {tolerance})</source>
        <translation>{concentration} × {bag} = 每袋 {counted}；标签 {label}；相差 {difference}（允许误差 {tolerance}）</translation>
    </message>
    <message>
        <source>{volume} × {percent} ({origin}) × {density} g/mL = {grams} g; ÷ {weight} = {per_kg} g/kg (limit {maximum} g/kg/day)</source>
        <translation>{volume} × {percent}（{origin}）× {density} g/mL = {grams} g；÷ {weight} = {per_kg} g/kg（上限 {maximum} g/kg/天）</translation>
    </message>
    <message>
        <source>patient id</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>date of birth or age</source>
        <translation>出生日期或年龄</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>order reference</source>
        <translation>医嘱编号</translation>
    </message>
    <message>
        <source>prescriber</source>
        <translation>处方医师</translation>
    </message>
    <message>
        <source>order date</source>
        <translation>医嘱日期</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>DIN (donation identification number)</source>
        <translation>DIN（捐献识别号）</translation>
    </message>
    <message>
        <source>thaw time</source>
        <translation>复苏时间</translation>
    </message>
    <message>
        <source>prepared by</source>
        <translation>配制人</translation>
    </message>
    <message>
        <source>checked by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>missing before finalising: {fields}</source>
        <translation>定稿前尚缺：{fields}</translation>
    </message>
    <message>
        <source>UNKNOWN RECORD: the bag label names record {record}, which is not in this record store. Do not give this bag: call the pharmacy.</source>
        <translation>未知记录：输液袋标签所指的记录 {record} 不在本记录库中。不得输注此袋：请联系药房。</translation>
    </message>
    <message>
        <source>NOT CHECKED: record {record} has no independent check, and this site requires one before the bag is given. Do not give this bag: call the pharmacy.</source>
        <translation>未经核对：记录 {record} 没有独立核对，而本中心要求输注前须经独立核对。不得输注此袋：请联系药房。</translation>
    </message>
    <message>
        <source> Nothing was saved; the calculation on screen is kept.</source>
        <translation>未保存任何内容；屏幕上的计算保持不变。</translation>
    </message>
    <message>
        <source>open the record database</source>
        <translation>打开记录数据库</translation>
    </message>
    <message>
        <source>create the record database</source>
        <translation>创建记录数据库</translation>
    </message>
    <message>
        <source>check the database file</source>
        <translation>检查数据库文件</translation>
    </message>
    <message>
        <source>save the record</source>
        <translation>保存记录</translation>
    </message>
    <message>
        <source>read the records</source>
        <translation>读取记录</translation>
    </message>
    <message>
        <source>list the records</source>
        <translation>列出记录</translation>
    </message>
    <message>
        <source>count the records</source>
        <translation>统计记录</translation>
    </message>
    <message>
        <source>export the records</source>
        <translation>导出记录</translation>
    </message>
    <message>
        <source>verify the records</source>
        <translation>验证记录</translation>
    </message>
    <message>
        <source>verify the worksheet</source>
        <translation>验证工作单</translation>
    </message>
    <message>
        <source>read the chain head</source>
        <translation>读取记录链头</translation>
    </message>
    <message>
        <source>read the print log</source>
        <translation>读取打印日志</translation>
    </message>
    <message>
        <source>log the printing of the worksheet</source>
        <translation>记录工作单的打印</translation>
    </message>
    <message>
        <source>read the bedside checks</source>
        <translation>读取床旁核对</translation>
    </message>
    <message>
        <source>log the bedside check</source>
        <translation>记录床旁核对</translation>
    </message>
    <message>
        <source>find the record of the bag label</source>
        <translation>查找输液袋标签对应的记录</translation>
    </message>
    <message>
        <source>read the user accounts</source>
        <translation>读取用户账户</translation>
    </message>
    <message>
        <source>add the user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>read the signatures</source>
        <translation>读取签名</translation>
    </message>
    <message>
        <source>save the signature</source>
        <translation>保存签名</translation>
    </message>
    <message>
        <source>record the sign-in</source>
        <translation>记录登录</translation>
    </message>
    <message>
        <source>record the failed sign-in</source>
        <translation>记录登录失败</translation>
    </message>
    <message>
        <source>read the protocol approvals</source>
        <translation>读取方案批准记录</translation>
    </message>
    <message>
        <source>record the protocol approval</source>
        <translation>记录方案批准</translation>
    </message>
    <message>
        <source>write the backup</source>
        <translation>写入备份</translation>
    </message>
    <message>
        <source>write the CSV export</source>
        <translation>写入 CSV 导出文件</translation>
    </message>
    <message>
        <source>find the data folder</source>
        <translation>查找数据文件夹</translation>
    </message>
    <message>
        <source>open the shared record database</source>
        <translation>打开共享记录数据库</translation>
    </message>
    <message>
        <source>check the shared record database</source>
        <translation>检查共享记录数据库</translation>
    </message>
    <message>
        <source>Do not delete it; keep it for investigation and restore the latest backup (see docs/audit.md, &quot;Restoring a backup&quot;).</source>
        <translation>请勿删除该文件；保留以供调查，并恢复最近的备份（见 docs/audit.md，“Restoring a backup”）。</translation>
    </message>
    <message>
        <source>Could not {action}: the record database {path} is damaged ({detail}). {restore}</source>
        <translation>无法{action}：记录数据库 {path} 已损坏（{detail}）。{restore}</translation>
    </message>
    <message>
        <source>{path} is not a mscdose record store ({why}); it was not changed. If your records were kept there, restore the latest backup; otherwise point --database or MSCDOSE_DATA_DIR at the right file.</source>
        <translation>{path} 不是 mscdose 记录库（{why}）；该文件未被改动。如果记录原本保存在那里，请恢复最近的备份；否则请将 --database 或 MSCDOSE_DATA_DIR 指向正确的文件。</translation>
    </message>
    <message>
        <source>it is a folder or a device, not a file</source>
        <translation>它是文件夹或设备，不是文件</translation>
    </message>
    <message>
        <source>the file is empty, 0 bytes</source>
        <translation>文件为空，0 字节</translation>
    </message>
    <message>
        <source>it is not an SQLite database, or its first bytes are damaged</source>
        <translation>它不是 SQLite 数据库，或其开头的字节已损坏</translation>
    </message>
    <message>
        <source>an SQLite database of another program</source>
        <translation>另一个程序的 SQLite 数据库</translation>
    </message>
    <message>
        <source>it has no records tables</source>
        <translation>其中没有记录表</translation>
    </message>
    <message>
        <source>Could not {action}: the record database {path} or its folder is read-only.{hint} Ask for write access to that folder, or set MSCDOSE_DATA_DIR to a writable folder.</source>
        <translation>无法{action}：记录数据库 {path} 或其所在文件夹为只读。{hint}请申请该文件夹的写入权限，或将 MSCDOSE_DATA_DIR 设为可写的文件夹。</translation>
    </message>
    <message>
        <source>Could not {action}: the disk holding {path} is full.{hint} Free some space on that disk (or ask IT to), then try again.</source>
        <translation>无法{action}：存放 {path} 的磁盘已满。{hint}请清理该磁盘的空间（或请信息科处理），然后重试。</translation>
    </message>
    <message>
        <source>Could not {action}: the record database {path} is busy (another mscdose window or a backup is using it).{hint} Wait a moment and try again.</source>
        <translation>无法{action}：记录数据库 {path} 正被占用（另一个 mscdose 窗口或备份正在使用）。{hint}请稍候再试。</translation>
    </message>
    <message>
        <source>Could not {action}: {path} is not an mscdose record database or it is damaged.{hint} {restore}</source>
        <translation>无法{action}：{path} 不是 mscdose 记录数据库，或已损坏。{hint}{restore}</translation>
    </message>
    <message>
        <source>Could not {action}: the disk holding {path} reported an input/output error.{hint} Check that it has free space and is still attached, then try again; if it keeps failing, restore the latest backup onto a sound disk or set MSCDOSE_DATA_DIR to another folder.</source>
        <translation>无法{action}：存放 {path} 的磁盘报告输入/输出错误。{hint}请检查磁盘是否有剩余空间且仍在连接，然后重试；若仍失败，请将最近的备份恢复到完好的磁盘，或将 MSCDOSE_DATA_DIR 设为其他文件夹。</translation>
    </message>
    <message>
        <source>Could not {action}: the record database {path} cannot be opened or created ({text}).{hint} Check that its folder exists and is writable, or set MSCDOSE_DATA_DIR to one that is.</source>
        <translation>无法{action}：记录数据库 {path} 无法打开或创建（{text}）。{hint}请检查其文件夹存在且可写，或将 MSCDOSE_DATA_DIR 设为这样的文件夹。</translation>
    </message>
    <message>
        <source>Could not {action}: the record database {path} reported: {text}.{hint}</source>
        <translation>无法{action}：记录数据库 {path} 报告：{text}。{hint}</translation>
    </message>
    <message>
        <source>Could not {action} ({path}): {text}</source>
        <translation>无法{action}（{path}）：{text}</translation>
    </message>
</context>
<context>
    <name>Eligibility</name>
    <message>
        <source>⛔ HARD</source>
        <translation>⛔ 硬性</translation>
    </message>
    <message>
        <source>5  Eligibility (from the protocol file)</source>
        <translation>5  入选资格（来自方案文件）</translation>
    </message>
    <message>
        <source>Inclusion — tic&amp;k each criterion confirmed as met:</source>
        <translation>纳入标准 — 勾选已确认符合的每一项(&amp;K)：</translation>
    </message>
    <message>
        <source>Inclusion criteria</source>
        <translation>纳入标准</translation>
    </message>
    <message>
        <source>E&amp;xclusion — tick each criterion confirmed as absent:</source>
        <translation>排除标准 — 勾选已确认不存在的每一项(&amp;X)：</translation>
    </message>
    <message>
        <source>Exclusion criteria</source>
        <translation>排除标准</translation>
    </message>
    <message>
        <source>Eligibility summary</source>
        <translation>入选资格汇总</translation>
    </message>
    <message>
        <source>How many criteria are confirmed.</source>
        <translation>已确认的标准数量。</translation>
    </message>
    <message>
        <source>e.g. JS</source>
        <translation>例如 ZS</translation>
    </message>
    <message>
        <source>Eligibility confirmed by</source>
        <translation>入选资格确认人</translation>
    </message>
    <message>
        <source>Initials of the person who confirmed the criteria; kept with the record.</source>
        <translation>确认各项标准者的姓名缩写；随记录保存。</translation>
    </message>
    <message>
        <source>Confirmed by (initials):</source>
        <translation>确认人（姓名缩写）：</translation>
    </message>
    <message>
        <source>{list} from the protocol file; Space ticks the current one.</source>
        <translation>来自方案文件的{list}；按空格键勾选当前项。</translation>
    </message>
    <message>
        <source>A hard criterion: left unconfirmed or unmet it blocks finalising; it cannot be overridden.</source>
        <translation>硬性标准：未确认或不符合时禁止定稿，且不能超越。</translation>
    </message>
    <message>
        <source>✔ met</source>
        <translation>✔ 符合</translation>
    </message>
    <message>
        <source>✖ NOT met</source>
        <translation>✖ 不符合</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>   [from the age field: {note} — {mark}]</source>
        <translation>   [依据年龄字段：{note} — {mark}]</translation>
    </message>
    <message>
        <source>This protocol file lists no eligibility criteria.</source>
        <translation>本方案文件未列出入选资格标准。</translation>
    </message>
    <message>
        <source>; {count} others not confirmed</source>
        <translation>；另有 {count} 项未确认</translation>
    </message>
    <message>
        <source>⛔ {done} of {total} confirmed; {hard} HARD criteria not confirmed (finalising is blocked until they are){others}.</source>
        <translation>⛔ 已确认 {done}/{total} 项；{hard} 项硬性标准未确认（确认前禁止定稿）{others}。</translation>
    </message>
    <message>
        <source>⚠ {done} of {total} confirmed; {left} not confirmed (a soft flag at finalising).</source>
        <translation>⚠ 已确认 {done}/{total} 项；{left} 项未确认（定稿时为软性警示）。</translation>
    </message>
    <message>
        <source>✔ All {total} criteria confirmed.</source>
        <translation>✔ 全部 {total} 项标准均已确认。</translation>
    </message>
</context>
<context>
    <name>Finalise</name>
    <message>
        <source>Finalise the calculation</source>
        <translation>计算定稿</translation>
    </message>
    <message>
        <source>Prepared by (initials)</source>
        <translation>配制人（姓名缩写）</translation>
    </message>
    <message>
        <source>Checked by (initials, optional)</source>
        <translation>核对人（姓名缩写，可选）</translation>
    </message>
    <message>
        <source>&amp;Prepared by (initials):</source>
        <translation>配制人（姓名缩写）(&amp;P)：</translation>
    </message>
    <message>
        <source>C&amp;hecked by (initials, optional):</source>
        <translation>核对人（姓名缩写，可选）(&amp;H)：</translation>
    </message>
    <message>
        <source>Finalise and save</source>
        <translation>定稿并保存</translation>
    </message>
    <message>
        <source>Prepared by: {problem}</source>
        <translation>配制人：{problem}</translation>
    </message>
    <message>
        <source>Checked by: {problem}</source>
        <translation>核对人：{problem}</translation>
    </message>
</context>
<context>
    <name>FlagTitle</name>
    <message>
        <source>Dose below the protocol window</source>
        <translation>剂量低于方案范围</translation>
    </message>
    <message>
        <source>Dose above the protocol window</source>
        <translation>剂量高于方案范围</translation>
    </message>
    <message>
        <source>Viability below the release minimum</source>
        <translation>细胞活率低于放行下限</translation>
    </message>
    <message>
        <source>Not enough product</source>
        <translation>制剂量不足</translation>
    </message>
    <message>
        <source>Post-thaw time limit passed</source>
        <translation>已超过复苏后时限</translation>
    </message>
    <message>
        <source>Volume rounds to zero</source>
        <translation>抽取体积取整后为零</translation>
    </message>
    <message>
        <source>Age outside the eligibility window</source>
        <translation>年龄不在入选范围内</translation>
    </message>
    <message>
        <source>Unusual weight</source>
        <translation>体重异常</translation>
    </message>
    <message>
        <source>Eligibility not confirmed</source>
        <translation>入选资格未确认</translation>
    </message>
    <message>
        <source>Mandatory eligibility criterion not met</source>
        <translation>必需的入选条件未满足</translation>
    </message>
    <message>
        <source>Second infusion of this lot today</source>
        <translation>今日已输注同一批次</translation>
    </message>
    <message>
        <source>Volume rounded</source>
        <translation>体积已取整</translation>
    </message>
    <message>
        <source>Final volume raised</source>
        <translation>终体积已提高</translation>
    </message>
    <message>
        <source>Age not entered</source>
        <translation>未输入年龄</translation>
    </message>
    <message>
        <source>Thaw time not entered</source>
        <translation>未输入复苏时间</translation>
    </message>
    <message>
        <source>Protocol not approved</source>
        <translation>方案未经批准</translation>
    </message>
    <message>
        <source>Infusion would end after the limit</source>
        <translation>输注结束将超过时限</translation>
    </message>
    <message>
        <source>Number of infusions reached</source>
        <translation>已达输注次数上限</translation>
    </message>
    <message>
        <source>Age and date of birth disagree</source>
        <translation>年龄与出生日期不符</translation>
    </message>
    <message>
        <source>Volume rounded into the window</source>
        <translation>体积向范围内取整</translation>
    </message>
    <message>
        <source>Product not accepted by the protocol</source>
        <translation>方案不接受该制剂</translation>
    </message>
    <message>
        <source>Product expired</source>
        <translation>制剂已过期</translation>
    </message>
    <message>
        <source>Bags from different donations</source>
        <translation>细胞袋来自不同捐献</translation>
    </message>
    <message>
        <source>Bags with different product codes</source>
        <translation>细胞袋产品代码不同</translation>
    </message>
    <message>
        <source>Product code not listed</source>
        <translation>产品代码未列入方案</translation>
    </message>
    <message>
        <source>Unusual concentration</source>
        <translation>细胞浓度异常</translation>
    </message>
    <message>
        <source>Label cell count disagrees</source>
        <translation>与标签细胞数不符</translation>
    </message>
    <message>
        <source>Duration outside the range</source>
        <translation>输注时长超出范围</translation>
    </message>
    <message>
        <source>Drop factor not stocked</source>
        <translation>输液器滴系数不在库存清单中</translation>
    </message>
    <message>
        <source>Volume step not stocked</source>
        <translation>注射器刻度不在库存清单中</translation>
    </message>
    <message>
        <source>Rate above the maximum</source>
        <translation>输注速度超过上限</translation>
    </message>
    <message>
        <source>Volume above the maximum per kg</source>
        <translation>每kg体积超过上限</translation>
    </message>
    <message>
        <source>DMSO above the limit</source>
        <translation>DMSO超过限量</translation>
    </message>
</context>
<context>
    <name>Flags</name>
    <message>
        <source>{title}: {message}</source>
        <translation>{title}：{message}</translation>
    </message>
    <message>
        <source>HARD LIMIT — {message}</source>
        <translation>硬性限值 — {message}</translation>
    </message>
    <message>
        <source>OVERRIDDEN by {initials} (“{reason}”) — {message}</source>
        <translation>已由 {initials} 超越（“{reason}”）— {message}</translation>
    </message>
    <message>
        <source>NEEDS OVERRIDE — {message}</source>
        <translation>需超越 — {message}</translation>
    </message>
    <message>
        <source>Info — {message}</source>
        <translation>提示 — {message}</translation>
    </message>
    <message>
        <source>hard</source>
        <translation>硬性</translation>
    </message>
    <message>
        <source>soft</source>
        <translation>软性</translation>
    </message>
    <message>
        <source>info</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Hard limit</source>
        <translation>硬性限值</translation>
    </message>
    <message>
        <source>A limit that cannot be overridden: nothing can be finalised.</source>
        <translation>不可超越的限值：无法定稿。</translation>
    </message>
    <message>
        <source>Soft limit</source>
        <translation>软性限值</translation>
    </message>
    <message>
        <source>Limits that need a reason and initials before finalising.</source>
        <translation>定稿前需填写理由和姓名缩写的限值。</translation>
    </message>
    <message>
        <source>Override…</source>
        <translation>超越…</translation>
    </message>
    <message>
        <source>Override soft limits</source>
        <translation>超越软性限值</translation>
    </message>
    <message>
        <source>Give a reason and your initials to accept a soft limit.</source>
        <translation>填写理由和您的姓名缩写以接受软性限值。</translation>
    </message>
    <message>
        <source>Give a reason and your initials to accept a soft limit</source>
        <translation>填写理由和您的姓名缩写以接受软性限值</translation>
    </message>
    <message>
        <source>Flags</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Every flag of the calculation with its severity in words: HARD LIMIT, NEEDS OVERRIDE, OVERRIDDEN or Info.</source>
        <translation>本次计算的每条警示及其严重程度文字：硬性限值、需超越、已超越或提示。</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>无警示。</translation>
    </message>
    <message>
        <source>✖ BLOCKED — hard limit, cannot be overridden: change the prescription or the product. Finalising and printing are off.</source>
        <translation>✖ 已阻断 — 硬性限值，不可超越：请更改处方或产品。定稿和打印已停用。</translation>
    </message>
    <message>
        <source>SOFT LIMIT — needs a reason and initials before finalising.</source>
        <translation>软性限值 — 定稿前需填写理由和姓名缩写。</translation>
    </message>
    <message>
        <source>✔ Soft limits overridden: {list}</source>
        <translation>✔ 软性限值已超越：{list}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>{code} by {initials}</source>
        <translation>{code}（{initials}）</translation>
    </message>
    <message>
        <source>Flags ({count})</source>
        <translation>警示 ({count})</translation>
    </message>
</context>
<context>
    <name>Form</name>
    <message>
        <source>{field} unit</source>
        <translation>{field}单位</translation>
    </message>
    <message>
        <source>The unit the {field} is read in.</source>
        <translation>读取{field}所用的单位。</translation>
    </message>
    <message>
        <source>{field} message</source>
        <translation>{field}提示</translation>
    </message>
    <message>
        <source>Why the text in the box cannot be read, and what is accepted.</source>
        <translation>输入框中的文字为何无法读取，以及可接受的格式。</translation>
    </message>
    <message>
        <source>{field} note</source>
        <translation>{field}备注</translation>
    </message>
    <message>
        <source>Whether the protocol&apos;s site value is used.</source>
        <translation>是否使用方案的本中心设定值。</translation>
    </message>
    <message>
        <source>Error: {message}</source>
        <translation>错误：{message}</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>corrects #{record}: {reason}</source>
        <translation>更正记录 #{record}：{reason}</translation>
    </message>
    <message>
        <source>superseded by #{record}</source>
        <translation>已被记录 #{record} 取代</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>已阻断</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>保存时间</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Volume to draw</source>
        <translation>抽取体积</translation>
    </message>
    <message>
        <source>Dose delivered</source>
        <translation>实际输注剂量</translation>
    </message>
    <message>
        <source>Lot / DIN</source>
        <translation>批号 / DIN</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>配制人</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>已打印</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Correction</source>
        <translation>更正</translation>
    </message>
    <message>
        <source>Superseded by record {record}: use that record, not this one.</source>
        <translation>已被记录 {record} 取代：请使用该记录，不要使用本记录。</translation>
    </message>
    <message>
        <source>Record {record}, SHA-256 {sha256}</source>
        <translation>记录 {record}，SHA-256 {sha256}</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>Warning (overridden)</source>
        <translation>警告（已超控）</translation>
    </message>
    <message>
        <source>Superseded by a correction</source>
        <translation>已被更正记录取代</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>美式信纸</translation>
    </message>
    <message>
        <source>Record {record} – patient {patient}</source>
        <translation>记录 {record} – 患者 {patient}</translation>
    </message>
    <message>
        <source>History – saved calculations</source>
        <translation>历史记录 – 已保存的计算</translation>
    </message>
    <message>
        <source>Patient ID or name</source>
        <translation>患者ID或姓名</translation>
    </message>
    <message>
        <source>Saved since</source>
        <translation>保存日期自</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>The saved record as readable text, exactly as it was saved.</source>
        <translation>以可读文本显示已保存的记录，与保存时完全一致。</translation>
    </message>
    <message>
        <source>&amp;Reprint…</source>
        <translation>重印(&amp;R)…</translation>
    </message>
    <message>
        <source>Write the saved worksheet again as a PDF, marked REPRINT.</source>
        <translation>将已保存的工作单重新输出为 PDF，并标注“重印 REPRINT”。</translation>
    </message>
    <message>
        <source>C&amp;orrect…</source>
        <translation>更正(&amp;O)…</translation>
    </message>
    <message>
        <source>Load this record into the form; finalising then saves a correction that supersedes it, with your reason. The record itself is never changed.</source>
        <translation>将此记录载入表单；定稿时保存一条取代它的更正记录，并附上您的理由。原记录本身不会被修改。</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>导出 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>All records, one row each, for the trial&apos;s data manager.</source>
        <translation>全部记录，每条一行，供试验数据管理员使用。</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>刷新(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Patient:</source>
        <translation>患者(&amp;P)：</translation>
    </message>
    <message>
        <source>S&amp;tatus:</source>
        <translation>状态(&amp;T)：</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>1 saved record.</source>
        <translation>共 1 条已保存的记录。</translation>
    </message>
    <message>
        <source>{count} saved records.</source>
        <translation>共 {count} 条已保存的记录。</translation>
    </message>
    <message>
        <source>{count} of {total} saved records match the filters.</source>
        <translation>{total} 条已保存的记录中有 {count} 条符合筛选条件。</translation>
    </message>
    <message>
        <source>{count} saved records match the filters.</source>
        <translation>{count} 条已保存的记录符合筛选条件。</translation>
    </message>
    <message>
        <source>Correct a record</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Why is record {record} corrected? (at least three words)</source>
        <translation>为何更正记录 {record}？（至少三个英文单词）</translation>
    </message>
    <message>
        <source>Record {record} is in the form: check it, then Finalise saves the correction.</source>
        <translation>记录 {record} 已载入表单：请核对，然后点击“定稿”保存更正记录。</translation>
    </message>
    <message>
        <source>Reprint worksheet as PDF</source>
        <translation>将工作单重印为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Reprint of record {record} written to {path}.</source>
        <translation>记录 {record} 的重印件已写入 {path}。</translation>
    </message>
    <message>
        <source>Export records as CSV</source>
        <translation>将记录导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Exporting the records to {path}…</source>
        <translation>正在将记录导出到 {path}…</translation>
    </message>
    <message>
        <source>Exported 1 record to {path}.</source>
        <translation>已将 1 条记录导出到 {path}。</translation>
    </message>
    <message>
        <source>Exported {count} records to {path}.</source>
        <translation>已将 {count} 条记录导出到 {path}。</translation>
    </message>
</context>
<context>
    <name>Layout</name>
    <message>
        <source>Flags</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>计算步骤</translation>
    </message>
    <message>
        <source>Eligibility</source>
        <translation>入选资格</translation>
    </message>
    <message>
        <source>How to give</source>
        <translation>给药方法</translation>
    </message>
    <message>
        <source>Eligibility ({count} to confirm)</source>
        <translation>入选资格（{count} 项待确认）</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Correct a record</source>
        <translation>更正记录</translation>
    </message>
    <message>
        <source>Reason for correcting record {record}: {problem}</source>
        <translation>更正记录 {record} 的理由：{problem}</translation>
    </message>
    <message>
        <source>Replace what is typed with the inputs of the record to correct? What has been typed has not been finalised and will be lost.</source>
        <translation>用待更正记录的输入替换当前已输入的内容？当前输入尚未定稿，将会丢失。</translation>
    </message>
    <message>
        <source>Something unexpected went wrong inside mscdose.

What happened: {what}

Your entries are still on screen. Check the results again before using them; if this happens again, send the log file to your IT or pharmacy system contact.

Log file: {log}</source>
        <translation>mscdose 内部发生意外错误。

发生了什么：{what}

您输入的内容仍在屏幕上。使用结果前请再次核对；如再次发生，请将日志文件发送给信息科或药学系统联系人。

日志文件：{log}</translation>
    </message>
    <message>
        <source>Override not accepted</source>
        <translation>超越未被接受</translation>
    </message>
    <message>
        <source>Cannot finalise yet</source>
        <translation>尚不能定稿</translation>
    </message>
    <message>
        <source>Cannot finalise</source>
        <translation>不能定稿</translation>
    </message>
    <message>
        <source>Cannot finalise: a hard limit</source>
        <translation>不能定稿：硬性限值</translation>
    </message>
    <message>
        <source>Checked again with the real clock and the records:</source>
        <translation>已按实际时间和记录重新核查：</translation>
    </message>
    <message>
        <source>Patient {patient}: draw {volume}, delivering {dose} ({status}).</source>
        <translation>患者 {patient}：抽取 {volume}，输注 {dose}（{status}）。</translation>
    </message>
    <message>
        <source>This corrects record {record}: {reason}</source>
        <translation>本次更正记录 {record}：{reason}</translation>
    </message>
    <message>
        <source>The record was not saved</source>
        <translation>记录未保存</translation>
    </message>
    <message>
        <source>Record number to correct:</source>
        <translation>待更正的记录编号：</translation>
    </message>
    <message>
        <source>Why is record {record} corrected? (at least three words)</source>
        <translation>为何更正记录 {record}？（至少三个英文单词）</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Record {record} is saved. Get its worksheet with Reprint… (or `mscdose reprint {record} --output FILE.pdf`); do not finalise again.</source>
        <translation>记录 {record} 已保存。请用“重印…”获取其工作单（或 `mscdose reprint {record} --output FILE.pdf`）；不要再次定稿。</translation>
    </message>
    <message>
        <source>No worksheet printed</source>
        <translation>未打印工作单</translation>
    </message>
    <message>
        <source>Save worksheet PDF</source>
        <translation>保存工作单PDF</translation>
    </message>
    <message>
        <source>Reprint worksheet PDF</source>
        <translation>重印工作单PDF</translation>
    </message>
    <message>
        <source>The worksheet was not saved</source>
        <translation>工作单未保存</translation>
    </message>
    <message>
        <source>Save bag label PDF</source>
        <translation>保存输液袋标签 PDF</translation>
    </message>
    <message>
        <source>No bag label written</source>
        <translation>未生成输液袋标签</translation>
    </message>
    <message>
        <source>Could not open the records</source>
        <translation>无法打开记录库</translation>
    </message>
    <message>
        <source>No final worksheet</source>
        <translation>无正式工作单</translation>
    </message>
    <message>
        <source>Worksheet preview</source>
        <translation>工作单预览</translation>
    </message>
    <message>
        <source> – NOT FOR ADMINISTRATION</source>
        <translation> – 不得用于输注 NOT FOR ADMINISTRATION</translation>
    </message>
    <message>
        <source>Preview failed</source>
        <translation>预览失败</translation>
    </message>
    <message>
        <source>Print worksheet</source>
        <translation>打印工作单</translation>
    </message>
    <message>
        <source>Printing failed</source>
        <translation>打印失败</translation>
    </message>
    <message>
        <source>The worksheet could not be printed on {printer}: {error}</source>
        <translation>工作单无法在 {printer} 上打印：{error}</translation>
    </message>
    <message>
        <source>Saving failed</source>
        <translation>保存失败</translation>
    </message>
    <message>
        <source>The worksheet could not be saved as {path}: {error}</source>
        <translation>工作单无法保存为 {path}：{error}</translation>
    </message>
</context>
<context>
    <name>Override</name>
    <message>
        <source>— write a reason below —</source>
        <translation>— 在下方填写理由 —</translation>
    </message>
    <message>
        <source>Reason for overriding {code}</source>
        <translation>超越 {code} 的理由</translation>
    </message>
    <message>
        <source>why this is safe, e.g. weight confirmed on ward scale</source>
        <translation>说明为何安全（至少三个英文单词），例如 weight confirmed on ward scale</translation>
    </message>
    <message>
        <source>Your initials for overriding {code}</source>
        <translation>超越 {code} 的您的姓名缩写</translation>
    </message>
    <message>
        <source>Standard reason for overriding {code}</source>
        <translation>超越 {code} 的标准理由</translation>
    </message>
    <message>
        <source>The protocol&apos;s standard reasons; choosing one fills in the reason.</source>
        <translation>方案的标准理由；选择一项即填入理由。</translation>
    </message>
    <message>
        <source>Standard reason:</source>
        <translation>标准理由：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Initials:</source>
        <translation>姓名缩写(&amp;I)：</translation>
    </message>
    <message>
        <source>✔ acceptable</source>
        <translation>✔ 可接受</translation>
    </message>
    <message>
        <source>Override soft limits</source>
        <translation>超越软性限值</translation>
    </message>
    <message>
        <source>A soft limit may be accepted only with a reason (at least three words) and your initials. Both are kept with the calculation and printed on the worksheet.</source>
        <translation>只有填写理由（至少三个英文单词）和您的姓名缩写，才能接受软性限值。两者均随计算保存并打印在工作单上。</translation>
    </message>
    <message>
        <source>Accept with these reasons</source>
        <translation>按这些理由接受</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <source>1  Patient</source>
        <translation>1  患者</translation>
    </message>
    <message>
        <source>Patient &amp;ID:</source>
        <translation>患者ID(&amp;I)：</translation>
    </message>
    <message>
        <source>hospital or trial number</source>
        <translation>住院号或试验编号</translation>
    </message>
    <message>
        <source>The patient&apos;s hospital or trial number; required to finalise.</source>
        <translation>患者的住院号或试验编号；定稿必填。</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>The patient&apos;s name as on the wristband (optional).</source>
        <translation>与腕带一致的患者姓名（可选）。</translation>
    </message>
    <message>
        <source>Date of birth:</source>
        <translation>出生日期：</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 1990-05-01</translation>
    </message>
    <message>
        <source>The patient&apos;s date of birth (second identifier); the age is worked out from it.</source>
        <translation>患者出生日期（第二身份标识）；据此计算年龄。</translation>
    </message>
    <message>
        <source>&amp;Age:</source>
        <translation>年龄(&amp;A)：</translation>
    </message>
    <message>
        <source>years</source>
        <translation>岁</translation>
    </message>
    <message>
        <source>only if no date of birth</source>
        <translation>仅在无出生日期时填写</translation>
    </message>
    <message>
        <source>Age in years, typed only when the date of birth is unknown; checked against the protocol&apos;s age window and against the date of birth.</source>
        <translation>年龄（岁），仅在出生日期未知时填写；将与方案的年龄范围及出生日期核对。</translation>
    </message>
    <message>
        <source>&amp;Weight:</source>
        <translation>体重(&amp;W)：</translation>
    </message>
    <message>
        <source>e.g. 62</source>
        <translation>例如 62</translation>
    </message>
    <message>
        <source>Body weight; the unit is chosen beside the box (kg for every new patient).</source>
        <translation>体重；单位在输入框旁选择（每位新患者均为 kg）。</translation>
    </message>
    <message>
        <source>2  Prescription</source>
        <translation>2  处方</translation>
    </message>
    <message>
        <source>Prescriber:</source>
        <translation>处方医师：</translation>
    </message>
    <message>
        <source>name on the order</source>
        <translation>医嘱上的姓名</translation>
    </message>
    <message>
        <source>The prescriber named on the order; required to finalise.</source>
        <translation>医嘱上的处方医师；定稿必填。</translation>
    </message>
    <message>
        <source>Order reference:</source>
        <translation>医嘱编号：</translation>
    </message>
    <message>
        <source>order or prescription number</source>
        <translation>医嘱号或处方号</translation>
    </message>
    <message>
        <source>The hospital&apos;s order or prescription number; required to finalise.</source>
        <translation>医院的医嘱号或处方号；定稿必填。</translation>
    </message>
    <message>
        <source>Order date:</source>
        <translation>医嘱日期：</translation>
    </message>
    <message>
        <source>The date the order was written.</source>
        <translation>开具医嘱的日期。</translation>
    </message>
    <message>
        <source>&amp;Dose:</source>
        <translation>剂量(&amp;D)：</translation>
    </message>
    <message>
        <source>e.g. 150</source>
        <translation>例如 150</translation>
    </message>
    <message>
        <source>The prescribed dose: a total, or per kg of body weight.</source>
        <translation>处方剂量：总量，或按每kg体重计。</translation>
    </message>
    <message>
        <source>3  Product lot</source>
        <translation>3  制剂批次</translation>
    </message>
    <message>
        <source>&amp;Lot number:</source>
        <translation>批号(&amp;L)：</translation>
    </message>
    <message>
        <source>as on the bag label</source>
        <translation>与细胞袋标签一致</translation>
    </message>
    <message>
        <source>The product lot number from the bag label.</source>
        <translation>细胞袋标签上的制剂批号。</translation>
    </message>
    <message>
        <source>ISBT 12&amp;8 DIN:</source>
        <translation>ISBT 128 DIN(&amp;8)：</translation>
    </message>
    <message>
        <source>optional, e.g. G1234 98 654321 H</source>
        <translation>可选，例如 G1234 98 654321 H</translation>
    </message>
    <message>
        <source>Donation identification number with its check character, or the barcode data.</source>
        <translation>带校验字符的献血（捐献）识别号 DIN，或条码数据。</translation>
    </message>
    <message>
        <source>&amp;Concentration:</source>
        <translation>浓度(&amp;C)：</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>例如 5</translation>
    </message>
    <message>
        <source>Cells per mL from the certificate of analysis.</source>
        <translation>检验报告书（COA）上的每mL细胞数。</translation>
    </message>
    <message>
        <source>Counting basis of the lot concentration</source>
        <translation>批次浓度的计数基准</translation>
    </message>
    <message>
        <source>Whether the lot concentration counts all cells or only viable ones.</source>
        <translation>批次浓度按全部细胞还是仅按活细胞计数。</translation>
    </message>
    <message>
        <source>total cells (viability is applied)</source>
        <translation>总细胞（按活率折算）</translation>
    </message>
    <message>
        <source>viable cells only (viability is not applied again)</source>
        <translation>仅活细胞（不再按活率折算）</translation>
    </message>
    <message>
        <source>Count &amp;basis:</source>
        <translation>计数基准(&amp;B)：</translation>
    </message>
    <message>
        <source>&amp;Viability:</source>
        <translation>活率(&amp;V)：</translation>
    </message>
    <message>
        <source>e.g. 92</source>
        <translation>例如 92</translation>
    </message>
    <message>
        <source>Post-thaw viability in percent.</source>
        <translation>复苏后细胞活率（%）。</translation>
    </message>
    <message>
        <source>Bag v&amp;olume:</source>
        <translation>每袋体积(&amp;O)：</translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation>例如 20</translation>
    </message>
    <message>
        <source>Volume of one bag.</source>
        <translation>单袋体积。</translation>
    </message>
    <message>
        <source>Ba&amp;gs available:</source>
        <translation>可用袋数(&amp;G)：</translation>
    </message>
    <message>
        <source>bags</source>
        <translation>袋</translation>
    </message>
    <message>
        <source>e.g. 2</source>
        <translation>例如 2</translation>
    </message>
    <message>
        <source>Number of bags available for this patient.</source>
        <translation>该患者可用的细胞袋数。</translation>
    </message>
    <message>
        <source>Label cells per bag:</source>
        <translation>标签每袋细胞数：</translation>
    </message>
    <message>
        <source>e.g. 100 million cells</source>
        <translation>例如 100 million cells</translation>
    </message>
    <message>
        <source>Total cells per bag as printed on the label, with its unit; checked against concentration × bag volume.</source>
        <translation>标签上印的每袋总细胞数（带单位）；将与 浓度 × 每袋体积 核对。</translation>
    </message>
    <message>
        <source>DMSO:</source>
        <translation>DMSO：</translation>
    </message>
    <message>
        <source>protocol default if empty</source>
        <translation>留空则用方案默认值</translation>
    </message>
    <message>
        <source>DMSO concentration of the lot; the DMSO delivered per kg is checked against the limit.</source>
        <translation>该批次的DMSO浓度；每kg输入的DMSO量将与限值核对。</translation>
    </message>
    <message>
        <source>Product expir&amp;y:</source>
        <translation>制剂有效期(&amp;Y)：</translation>
    </message>
    <message>
        <source>e.g. 2026-12-31 23:59</source>
        <translation>例如 2026-12-31 23:59</translation>
    </message>
    <message>
        <source>The product&apos;s expiry from its label; an expired product cannot be finalised.</source>
        <translation>标签上的制剂有效期；过期制剂不能定稿。</translation>
    </message>
    <message>
        <source>&amp;Thawed at:</source>
        <translation>复苏时间(&amp;T)：</translation>
    </message>
    <message>
        <source>e.g. 2026-11-25 09:30</source>
        <translation>例如 2026-11-25 09:30</translation>
    </message>
    <message>
        <source>Date and time the bag was thawed (local time).</source>
        <translation>细胞袋复苏的日期和时间（当地时间）。</translation>
    </message>
    <message>
        <source>Now</source>
        <translation>现在</translation>
    </message>
    <message>
        <source>Fill in the current date and time</source>
        <translation>填入当前日期和时间</translation>
    </message>
    <message>
        <source>Set thaw time to now</source>
        <translation>将复苏时间设为现在</translation>
    </message>
    <message>
        <source>Fills Thawed at with the current date and time.</source>
        <translation>在复苏时间中填入当前日期和时间。</translation>
    </message>
    <message>
        <source>4  Preparation (protocol site values)</source>
        <translation>4  配制（方案本中心设定值）</translation>
    </message>
    <message>
        <source>Final volu&amp;me:</source>
        <translation>终体积(&amp;M)：</translation>
    </message>
    <message>
        <source>Final infusion volume; prefilled from the protocol.</source>
        <translation>输注终体积；按方案预填。</translation>
    </message>
    <message>
        <source>D&amp;uration:</source>
        <translation>输注时长(&amp;U)：</translation>
    </message>
    <message>
        <source>Infusion duration; prefilled from the protocol.</source>
        <translation>输注时长；按方案预填。</translation>
    </message>
    <message>
        <source>D&amp;rop factor:</source>
        <translation>滴系数(&amp;R)：</translation>
    </message>
    <message>
        <source>Drops per mL of the giving set; prefilled from the protocol.</source>
        <translation>输液器每mL滴数；按方案预填。</translation>
    </message>
    <message>
        <source>Volume incr&amp;ement:</source>
        <translation>体积刻度(&amp;E)：</translation>
    </message>
    <message>
        <source>Smallest volume the syringe measures; prefilled from the protocol.</source>
        <translation>注射器可量取的最小体积；按方案预填。</translation>
    </message>
    <message>
        <source>Empty: the protocol&apos;s site value {value} is used.</source>
        <translation>留空：使用方案的本中心设定值 {value}。</translation>
    </message>
    <message>
        <source>✎ Changed from the protocol&apos;s site value ({value}).</source>
        <translation>✎ 已改动，方案的本中心设定值为 {value}。</translation>
    </message>
    <message>
        <source>▣ Read as a scan of the product label; press Enter to add it to the scans.</source>
        <translation>▣ 按产品标签扫描读取；按 Enter 加入扫描列表。</translation>
    </message>
    <message>
        <source>▣ Scanned from the product label: {value}</source>
        <translation>▣ 来自产品标签扫描：{value}</translation>
    </message>
    <message>
        <source>✔ Typed, and the scanned label agrees ({value}).</source>
        <translation>✔ 手工输入，且与扫描的标签一致（{value}）。</translation>
    </message>
</context>
<context>
    <name>Protocol</name>
    <message>
        <source>no maximum</source>
        <translation>无上限</translation>
    </message>
    <message>
        <source>{low} to {high}</source>
        <translation>{low} 至 {high}</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
    <message>
        <source>limits by weight band</source>
        <translation>按体重分段限值</translation>
    </message>
    <message>
        <source> (+ {count} weight band(s))</source>
        <translation>（+ {count} 个体重分段）</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source> · ages {low} to {high} years</source>
        <translation> · 年龄 {low} 至 {high} 岁</translation>
    </message>
    <message>
        <source>total cells</source>
        <translation>总细胞</translation>
    </message>
    <message>
        <source>viable cells</source>
        <translation>活细胞</translation>
    </message>
    <message>
        <source>{title} · {sponsor} · phase {phase} · dose {dose}, {basis}{ages} · v{version} · file {file} sha256 {hash}</source>
        <translation>{title} · {sponsor} · {phase} 期 · 剂量 {dose}，按{basis}{ages} · 版本 {version} · 文件 {file} sha256 {hash}</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>方案(&amp;P)：</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>The protocol file whose limits the calculation is checked against.</source>
        <translation>计算所依据限值的方案文件。</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Protocol summary</source>
        <translation>方案摘要</translation>
    </message>
    <message>
        <source>Dose window, ages, version and the short hash of the protocol file.</source>
        <translation>剂量范围、年龄、版本及方案文件的短哈希值。</translation>
    </message>
</context>
<context>
    <name>Required</name>
    <message>
        <source>patient id</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>patient name</source>
        <translation>患者姓名</translation>
    </message>
    <message>
        <source>date of birth or age</source>
        <translation>出生日期或年龄</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>order reference</source>
        <translation>医嘱编号</translation>
    </message>
    <message>
        <source>prescriber</source>
        <translation>处方医师</translation>
    </message>
    <message>
        <source>order date</source>
        <translation>医嘱日期</translation>
    </message>
    <message>
        <source>lot number</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>DIN (donation identification number)</source>
        <translation>DIN（捐献识别号）</translation>
    </message>
    <message>
        <source>thaw time</source>
        <translation>复苏时间</translation>
    </message>
    <message>
        <source>prepared by</source>
        <translation>配制人</translation>
    </message>
    <message>
        <source>checked by</source>
        <translation>核对人</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <source>OK, WARNING (a soft limit needs an override) or BLOCKED (a hard limit is breached).</source>
        <translation>正常、警告（软性限值需超越）或已阻断（超出硬性限值）。</translation>
    </message>
    <message>
        <source>What the status means for finalising.</source>
        <translation>该状态对定稿的意义。</translation>
    </message>
    <message>
        <source>The volume of product to draw into the syringe, rounded to the measurable increment.</source>
        <translation>抽入注射器的制剂体积，已取整到可量取的刻度。</translation>
    </message>
    <message>
        <source>The exact volume and how it was rounded.</source>
        <translation>精确体积及其取整方式。</translation>
    </message>
    <message>
        <source>The weight the dose is worked out for, in kg; a weight entered in lb is shown beside it.</source>
        <translation>计算剂量所用的体重（kg）；以 lb 输入的体重显示在旁。</translation>
    </message>
    <message>
        <source>Which fields are still needed before anything is calculated.</source>
        <translation>计算前仍需填写的字段。</translation>
    </message>
    <message>
        <source>The latest start of the infusion so that it finishes within the post-thaw limit.</source>
        <translation>为在复苏后时限内结束输注的最晚开始时间。</translation>
    </message>
    <message>
        <source>The post-thaw limit: the infusion must have finished by then.</source>
        <translation>复苏后时限：输注必须在此之前结束。</translation>
    </message>
    <message>
        <source>The protocol (id, version, short SHA-256 of its file) this calculation was checked against.</source>
        <translation>本次计算所依据的方案（编号、版本、文件短 SHA-256）。</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>WARNING</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>BLOCKED</source>
        <translation>已阻断</translation>
    </message>
    <message>
        <source>No limit breached.</source>
        <translation>未超出任何限值。</translation>
    </message>
    <message>
        <source>A soft limit needs a reason and initials before finalising.</source>
        <translation>软性限值：定稿前需填写理由和姓名缩写。</translation>
    </message>
    <message>
        <source>A hard limit is breached: change the prescription or the product.</source>
        <translation>超出硬性限值：请更改处方或产品。</translation>
    </message>
    <message>
        <source>{value}, worked out by the engine.</source>
        <translation>{value}，由计算引擎得出。</translation>
    </message>
    <message>
        <source>{label}: {working}</source>
        <translation>{label}：{working}</translation>
    </message>
    <message>
        <source>{name}:</source>
        <translation>{name}：</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Status mark</source>
        <translation>状态标记</translation>
    </message>
    <message>
        <source>✔ for OK, ⚠ for WARNING, ✖ for BLOCKED, beside the word.</source>
        <translation>✔ 表示正常，⚠ 表示警告，✖ 表示已阻断，标在文字旁。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status meaning</source>
        <translation>状态含义</translation>
    </message>
    <message>
        <source>Volume to draw:</source>
        <translation>抽取体积：</translation>
    </message>
    <message>
        <source>Volume to draw</source>
        <translation>抽取体积</translation>
    </message>
    <message>
        <source>Rounding</source>
        <translation>取整</translation>
    </message>
    <message>
        <source>Dose delivered</source>
        <translation>实际输注剂量</translation>
    </message>
    <message>
        <source>Dose delivered per kg</source>
        <translation>每kg实际输注剂量</translation>
    </message>
    <message>
        <source>Target dose</source>
        <translation>目标剂量</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>per kg</source>
        <translation>每kg</translation>
    </message>
    <message>
        <source>Viable concentration</source>
        <translation>活细胞浓度</translation>
    </message>
    <message>
        <source>Bags needed</source>
        <translation>所需细胞袋数</translation>
    </message>
    <message>
        <source>Diluent</source>
        <translation>稀释液</translation>
    </message>
    <message>
        <source>Infusion rate</source>
        <translation>输注速度</translation>
    </message>
    <message>
        <source>Drip rate</source>
        <translation>滴速</translation>
    </message>
    <message>
        <source>Start by</source>
        <translation>最晚开始时间</translation>
    </message>
    <message>
        <source>Finish by</source>
        <translation>最晚结束时间</translation>
    </message>
    <message>
        <source>Protocol used</source>
        <translation>所用方案</translation>
    </message>
    <message>
        <source>What is missing</source>
        <translation>缺少的项目</translation>
    </message>
    <message>
        <source>Calculation steps</source>
        <translation>计算步骤</translation>
    </message>
    <message>
        <source>Each step of the calculation with its numbers, for checking by hand.</source>
        <translation>计算的每一步及其数值，便于手工核对。</translation>
    </message>
    <message>
        <source>The calculation steps appear here once every required field can be read.</source>
        <translation>所有必填字段均可读取后，计算步骤将显示在此处。</translation>
    </message>
    <message>
        <source>Blocked by a hard limit: do not prepare.</source>
        <translation>被硬性限值阻断：请勿配制。</translation>
    </message>
    <message>
        <source>{exact} → {drawn} (nearest {step})</source>
        <translation>{exact} → {drawn}（最接近的 {step} 刻度）</translation>
    </message>
    <message>
        <source>exact, no rounding (measured in {step} steps)</source>
        <translation>精确，未取整（按 {step} 刻度量取）</translation>
    </message>
    <message>
        <source>{needed} of {available} available ({volume} each)</source>
        <translation>需 {needed} 袋，共 {available} 袋可用（每袋 {volume}）</translation>
    </message>
    <message>
        <source>{diluent} to a final volume of {final}</source>
        <translation>{diluent}，至终体积 {final}</translation>
    </message>
    <message>
        <source>{rate} over {duration}</source>
        <translation>{rate}，输注 {duration}</translation>
    </message>
    <message>
        <source>{drip} at {factor} gtt/mL</source>
        <translation>{drip}，滴系数 {factor} gtt/mL</translation>
    </message>
    <message>
        <source>thaw time not entered</source>
        <translation>未填写复苏时间</translation>
    </message>
    <message>
        <source> — NOT APPROVED</source>
        <translation> — 未批准</translation>
    </message>
    <message>
        <source>Checked against {id} version {version} (sha256 {hash})</source>
        <translation>依据 {id} 版本 {version} 核查（sha256 {hash}）</translation>
    </message>
</context>
<context>
    <name>Scan</name>
    <message>
        <source>DIN {din}</source>
        <translation>DIN {din}</translation>
    </message>
    <message>
        <source>product {code}</source>
        <translation>产品 {code}</translation>
    </message>
    <message>
        <source>expires {when}</source>
        <translation>有效期至 {when}</translation>
    </message>
    <message>
        <source>collected {date}</source>
        <translation>采集于 {date}</translation>
    </message>
    <message>
        <source>no DIN, product or date</source>
        <translation>无 DIN、产品或日期</translation>
    </message>
    <message>
        <source>Bag {number} (scanned): {values}</source>
        <translation>第 {number} 袋（扫描）：{values}</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Product label scan:</source>
        <translation>产品标签扫描：</translation>
    </message>
    <message>
        <source>Scan the product bag&apos;s ISBT 128 barcode (the scanner ends with Enter); one scan per bag. The DIN, product and expiry are filled from it.</source>
        <translation>扫描产品袋上的 ISBT 128 条码（扫描枪以 Enter 结束）；每袋扫描一次。DIN、产品和有效期由此填入。</translation>
    </message>
    <message>
        <source>scan the bag label, or paste and press Enter</source>
        <translation>扫描袋上标签，或粘贴后按 Enter</translation>
    </message>
    <message>
        <source>Clear scans</source>
        <translation>清除扫描</translation>
    </message>
    <message>
        <source>Remove every product label scan of this preparation.</source>
        <translation>删除本次配制的所有产品标签扫描。</translation>
    </message>
    <message>
        <source>Product label scans</source>
        <translation>产品标签扫描记录</translation>
    </message>
    <message>
        <source>One line per bag scanned, with the values read from its label.</source>
        <translation>每扫描一袋一行，列出从其标签读取的值。</translation>
    </message>
    <message>
        <source>Product label scan message</source>
        <translation>产品标签扫描提示</translation>
    </message>
    <message>
        <source>Why the scan was refused, and what is accepted.</source>
        <translation>扫描被拒绝的原因，以及可接受的内容。</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source>mscdose settings</source>
        <translation>mscdose 设置</translation>
    </message>
    <message>
        <source>The language of the window and the worksheet; takes effect when mscdose is started again.</source>
        <translation>窗口和工作单的语言；重新启动 mscdose 后生效。</translation>
    </message>
    <message>
        <source>Your &amp;initials (prefill &apos;prepared by&apos;):</source>
        <translation>您的姓名缩写（预填“配制人”）(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Site name (worksheet heading):</source>
        <translation>中心名称（工作单抬头）(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Paper size:</source>
        <translation>纸张大小(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>A change of language takes effect when mscdose is started again.</source>
        <translation>更改语言后，需重新启动 mscdose 才能生效。</translation>
    </message>
</context>
<context>
    <name>Step</name>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Target dose</source>
        <translation>目标剂量</translation>
    </message>
    <message>
        <source>Viable concentration</source>
        <translation>活细胞浓度</translation>
    </message>
    <message>
        <source>Dose basis</source>
        <translation>剂量基准</translation>
    </message>
    <message>
        <source>Exact volume</source>
        <translation>精确体积</translation>
    </message>
    <message>
        <source>Volume to draw</source>
        <translation>抽取体积</translation>
    </message>
    <message>
        <source>Kept inside the window</source>
        <translation>保持在范围内</translation>
    </message>
    <message>
        <source>No measurable volume inside the window</source>
        <translation>范围内无可量取的体积</translation>
    </message>
    <message>
        <source>Dose delivered</source>
        <translation>实际输注剂量</translation>
    </message>
    <message>
        <source>Dose delivered per kg</source>
        <translation>每kg实际输注剂量</translation>
    </message>
    <message>
        <source>Bags needed</source>
        <translation>所需细胞袋数</translation>
    </message>
    <message>
        <source>Final volume</source>
        <translation>终体积</translation>
    </message>
    <message>
        <source>Infusion rate</source>
        <translation>输注速度</translation>
    </message>
    <message>
        <source>Drip rate</source>
        <translation>滴速</translation>
    </message>
    <message>
        <source>Finish by</source>
        <translation>最晚结束时间</translation>
    </message>
    <message>
        <source>Start by</source>
        <translation>最晚开始时间</translation>
    </message>
    <message>
        <source>Label cross-check</source>
        <translation>标签核对</translation>
    </message>
    <message>
        <source>DMSO delivered</source>
        <translation>DMSO输入量</translation>
    </message>
</context>
<context>
    <name>Users</name>
    <message>
        <source>User id</source>
        <translation>用户ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Initials</source>
        <translation>姓名缩写</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Failed sign-ins</source>
        <translation>登录失败次数</translation>
    </message>
    <message>
        <source>preparer</source>
        <translation>配制人</translation>
    </message>
    <message>
        <source>checker</source>
        <translation>核对人</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>prepared</source>
        <translation>已配制</translation>
    </message>
    <message>
        <source>checked</source>
        <translation>已核对</translation>
    </message>
    <message>
        <source>{who}: user id</source>
        <translation>{who}：用户ID</translation>
    </message>
    <message>
        <source>{who}: password</source>
        <translation>{who}：密码</translation>
    </message>
    <message>
        <source>{who}: initials</source>
        <translation>{who}：姓名缩写</translation>
    </message>
    <message>
        <source>User id:</source>
        <translation>用户ID：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Initials:</source>
        <translation>姓名缩写：</translation>
    </message>
    <message>
        <source>No user accounts on this record store: no electronic signature.</source>
        <translation>本记录库未启用用户账户：无电子签名。</translation>
    </message>
    <message>
        <source>Sign: {meaning}</source>
        <translation>签名：{meaning}</translation>
    </message>
    <message>
        <source>By signing you confirm the record as “{meaning}” under your name.</source>
        <translation>签名即表示您以本人名义确认此记录为“{meaning}”。</translation>
    </message>
    <message>
        <source>Your signature</source>
        <translation>您的签名</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Users of this record store</source>
        <translation>本记录库的用户</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Admin making the change</source>
        <translation>执行此更改的管理员</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>新用户</translation>
    </message>
    <message>
        <source>New user id</source>
        <translation>新用户ID</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>全名</translation>
    </message>
    <message>
        <source>Password or PIN</source>
        <translation>密码或数字密码</translation>
    </message>
    <message>
        <source>Password or PIN again</source>
        <translation>再次输入密码或数字密码</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>全名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password or PIN:</source>
        <translation>密码或数字密码：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再次输入：</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>添加用户(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Disable selected</source>
        <translation>停用所选用户(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Unlock selected</source>
        <translation>解锁所选用户(&amp;U)</translation>
    </message>
    <message>
        <source>Users: result</source>
        <translation>用户：结果</translation>
    </message>
    <message>
        <source>No user accounts yet: this record store works without electronic signatures. The first user you add must be an admin; adding them turns accounts on.</source>
        <translation>尚无用户账户：本记录库目前不使用电子签名。添加的第一个用户必须是管理员；添加后即启用用户账户。</translation>
    </message>
    <message>
        <source>✖ The two passwords typed differ; type them again.</source>
        <translation>✖ 两次输入的密码不一致；请重新输入。</translation>
    </message>
    <message>
        <source>✔ Added {role} {user} ({name}).</source>
        <translation>✔ 已添加{role} {user}（{name}）。</translation>
    </message>
    <message>
        <source>✖ Select the user to disable first.</source>
        <translation>✖ 请先选择要停用的用户。</translation>
    </message>
    <message>
        <source>✖ Select the user to unlock first.</source>
        <translation>✖ 请先选择要解锁的用户。</translation>
    </message>
    <message>
        <source>✔ User {user} is now {state}.</source>
        <translation>✔ 用户 {user} 的状态现为：{state}。</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <source>age not entered</source>
        <translation>未填写年龄</translation>
    </message>
    <message>
        <source>mscdose — UC-MSC infusion dose calculator</source>
        <translation>mscdose — UC-MSC（脐带间充质干细胞）输注剂量计算器</translation>
    </message>
    <message>
        <source>✖ No calculation is possible: {error}</source>
        <translation>✖ 无法计算：{error}</translation>
    </message>
    <message>
        <source>No protocol could be read, so nothing is calculated.</source>
        <translation>无法读取任何方案，因此不进行计算。</translation>
    </message>
    <message>
        <source>Protocol file problem</source>
        <translation>方案文件问题</translation>
    </message>
    <message>
        <source>{error}

No dose can be checked without a valid protocol file. Ask the pharmacy to restore the protocol files.</source>
        <translation>{error}

没有有效的方案文件就无法核查剂量。请联系药学部门恢复方案文件。</translation>
    </message>
    <message>
        <source>Changed after finalising: the saved record is unchanged; finalise again to make a new one.</source>
        <translation>定稿后已改动：已保存的记录不变；如需新记录请再次定稿。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Waiting for: {fields}.</source>
        <translation>等待填写：{fields}。</translation>
    </message>
    <message>
        <source>Correct the fields marked ✖.</source>
        <translation>请更正标有 ✖ 的字段。</translation>
    </message>
    <message>
        <source>Waiting for the protocol to load.</source>
        <translation>正在等待方案加载。</translation>
    </message>
    <message>
        <source>{age} years</source>
        <translation>{age} 岁</translation>
    </message>
    <message>
        <source>age cannot be read</source>
        <translation>无法读取年龄</translation>
    </message>
    <message>
        <source>checked once the results are shown</source>
        <translation>显示结果后核查</translation>
    </message>
    <message>
        <source>✔ Finalised: record {record}, prepared by {initials}.</source>
        <translation>✔ 已定稿：记录 {record}，配制人 {initials}。</translation>
    </message>
    <message>
        <source>✖ Record {record} is saved but its worksheet was not made: use Reprint… (do not finalise again).</source>
        <translation>✖ 记录 {record} 已保存，但工作单未生成：请使用“重印…”（不要再次定稿）。</translation>
    </message>
    <message>
        <source>✔ Bag label of record {record} written to {path}.</source>
        <translation>✔ 记录 {record} 的输液袋标签已写入 {path}。</translation>
    </message>
    <message>
        <source>✔ REPRINT {copy} of the bag label of record {record} written to {path}.</source>
        <translation>✔ 记录 {record} 的输液袋标签 REPRINT {copy} 已写入 {path}。</translation>
    </message>
    <message>
        <source>New patient</source>
        <translation>新患者</translation>
    </message>
    <message>
        <source>Clear this patient? What has been typed has not been finalised and will be lost.</source>
        <translation>清空该患者？已输入的内容尚未定稿，将会丢失。</translation>
    </message>
    <message>
        <source>Demonstration patient</source>
        <translation>演示患者</translation>
    </message>
    <message>
        <source>not loaded</source>
        <translation>未加载</translation>
    </message>
    <message>
        <source>mscdose {version}: dose calculator for one intravenous infusion of umbilical-cord mesenchymal stem cells.

Work from top to bottom: patient, prescription, product lot, preparation, eligibility. Results update as you type; a field that cannot be read is marked ✖ with what is accepted.

Keys: Tab or Enter moves to the next field; Alt + the underlined letter jumps to a field; Alt+F opens the File menu (preview, print, PDF, history); Ctrl+N new patient; Ctrl+P print (after finalising); F1 this help.

A red BLOCKED banner is a hard limit: change the prescription or the product. An amber soft limit needs a reason and your initials.

Protocol: {protocol}
Log file: {log}</source>
        <translation>mscdose {version}：脐带间充质干细胞单次静脉输注的剂量计算器。

请自上而下填写：患者、处方、制剂批次、配制、入选资格。结果随输入实时更新；无法读取的字段标有 ✖ 并说明可接受的格式。

按键：Tab 或 Enter 移到下一字段；Alt + 括号中的字母跳到对应字段；Alt+F 打开“文件”菜单（预览、打印、PDF、历史记录）；Ctrl+N 新患者；Ctrl+P 打印（定稿后）；F1 本帮助。

红色“已阻断”横幅表示硬性限值：请更改处方或产品。琥珀色软性限值需填写理由和您的姓名缩写。

方案：{protocol}
日志文件：{log}</translation>
    </message>
    <message>
        <source>mscdose help and about</source>
        <translation>mscdose 帮助与关于</translation>
    </message>
    <message>
        <source>Close mscdose</source>
        <translation>关闭 mscdose</translation>
    </message>
    <message>
        <source>Close mscdose? What has been typed has not been finalised and will be lost.</source>
        <translation>关闭 mscdose？已输入的内容尚未定稿，将会丢失。</translation>
    </message>
</context>
<context>
    <name>Worksheet</name>
    <message>
        <source>VOLUME TO DRAW</source>
        <translation>抽取体积</translation>
    </message>
    <message>
        <source>cell suspension, from the bag(s)</source>
        <translation>细胞悬液，从细胞袋中抽取</translation>
    </message>
    <message>
        <source>preview only – print the final worksheet after the record is saved</source>
        <translation>仅预览——记录保存后再打印正式工作单</translation>
    </message>
    <message>
        <source>site value</source>
        <translation>本中心设定值</translation>
    </message>
    <message>
        <source>protocol value</source>
        <translation>方案规定值</translation>
    </message>
    <message>
        <source>not entered</source>
        <translation>未输入</translation>
    </message>
    <message>
        <source>{kg} (entered as {entered})</source>
        <translation>{kg}（输入为 {entered}）</translation>
    </message>
    <message>
        <source>never: the infusion is longer than the post-thaw limit</source>
        <translation>无法开始：输注时长超过复苏后时限</translation>
    </message>
    <message>
        <source> of {date}</source>
        <translation>，日期 {date}</translation>
    </message>
    <message>
        <source>Prescriber</source>
        <translation>处方医师</translation>
    </message>
    <message>
        <source>Order reference</source>
        <translation>医嘱编号</translation>
    </message>
    <message>
        <source>{dose} (per kg)</source>
        <translation>{dose}（按kg）</translation>
    </message>
    <message>
        <source>{dose} (a total)</source>
        <translation>{dose}（总量）</translation>
    </message>
    <message>
        <source> – written “{entered}”</source>
        <translation> – 书写为“{entered}”</translation>
    </message>
    <message>
        <source>1  Patient, prescription and order</source>
        <translation>1  患者、处方与医嘱</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>体重</translation>
    </message>
    <message>
        <source>Prescription</source>
        <translation>处方剂量</translation>
    </message>
    <message>
        <source>count of viable cells</source>
        <translation>活细胞计数</translation>
    </message>
    <message>
        <source>count of all cells</source>
        <translation>总细胞计数</translation>
    </message>
    <message>
        <source>viable cells</source>
        <translation>活细胞</translation>
    </message>
    <message>
        <source>all cells</source>
        <translation>总细胞</translation>
    </message>
    <message>
        <source>(check character {char})</source>
        <translation>（校验字符 {char}）</translation>
    </message>
    <message>
        <source> (minimum {minimum}, {source})</source>
        <translation>（下限 {minimum}，{source}）</translation>
    </message>
    <message>
        <source>; limit {limit} ({source})</source>
        <translation>；时限 {limit}（{source}）</translation>
    </message>
    <message>
        <source>2  Product lot</source>
        <translation>2  制剂批次</translation>
    </message>
    <message>
        <source>Lot number</source>
        <translation>批号</translation>
    </message>
    <message>
        <source>DIN (ISBT 128)</source>
        <translation>DIN（ISBT 128）</translation>
    </message>
    <message>
        <source>Concentration</source>
        <translation>细胞浓度</translation>
    </message>
    <message>
        <source>Viability</source>
        <translation>细胞活率</translation>
    </message>
    <message>
        <source>Viable concentration</source>
        <translation>活细胞浓度</translation>
    </message>
    <message>
        <source>Protocol doses</source>
        <translation>方案剂量按</translation>
    </message>
    <message>
        <source>Bags available</source>
        <translation>可用细胞袋</translation>
    </message>
    <message>
        <source>Thawed at</source>
        <translation>复苏时间</translation>
    </message>
    <message>
        <source>scanned</source>
        <translation>已扫描</translation>
    </message>
    <message>
        <source>typed</source>
        <translation>手工输入</translation>
    </message>
    <message>
        <source>typed and scanned</source>
        <translation>手工输入并经扫描核对</translation>
    </message>
    <message>
        <source>the protocol lists no accepted codes</source>
        <translation>方案未列出可接受的产品代码</translation>
    </message>
    <message>
        <source>accepted: {codes} ({source})</source>
        <translation>可接受：{codes}（{source}）</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>产品代码</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>有效期</translation>
    </message>
    <message>
        <source>Final volume</source>
        <translation>终体积</translation>
    </message>
    <message>
        <source>Infusion duration</source>
        <translation>输注时长</translation>
    </message>
    <message>
        <source>Drop factor</source>
        <translation>滴系数</translation>
    </message>
    <message>
        <source>Smallest volume step</source>
        <translation>最小体积刻度</translation>
    </message>
    <message>
        <source>3  Calculation, step by step</source>
        <translation>3  计算步骤</translation>
    </message>
    <message>
        <source>entered</source>
        <translation>手动输入</translation>
    </message>
    <message>
        <source>Preparation values used: {values}.</source>
        <translation>所用配制参数：{values}。</translation>
    </message>
    <message>
        <source>exact {exact}, rounded to the nearest {step}</source>
        <translation>精确值 {exact}，按 {step} 四舍五入</translation>
    </message>
    <message>
        <source>exact: no rounding</source>
        <translation>精确值：未取整</translation>
    </message>
    <message>
        <source>&lt;b&gt;{diluent}&lt;/b&gt;{note} to a final volume of &lt;b&gt;{final}&lt;/b&gt;</source>
        <translation>&lt;b&gt;{diluent}&lt;/b&gt;{note}，配至终体积 &lt;b&gt;{final}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Dose delivered</source>
        <translation>实际输注剂量</translation>
    </message>
    <message>
        <source>&lt;b&gt;{total}&lt;/b&gt; ({per_kg}) · target {target}</source>
        <translation>&lt;b&gt;{total}&lt;/b&gt;（{per_kg}）· 目标 {target}</translation>
    </message>
    <message>
        <source>Bags to use</source>
        <translation>使用细胞袋</translation>
    </message>
    <message>
        <source>&lt;b&gt;{needed}&lt;/b&gt; of {available} (each {volume})</source>
        <translation>&lt;b&gt;{needed}&lt;/b&gt; / {available}（每袋 {volume}）</translation>
    </message>
    <message>
        <source>Diluent</source>
        <translation>稀释液</translation>
    </message>
    <message>
        <source>Infusion rate</source>
        <translation>输注速度</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rate}&lt;/b&gt; over {duration}</source>
        <translation>&lt;b&gt;{rate}&lt;/b&gt;，输注 {duration}</translation>
    </message>
    <message>
        <source>Drip rate</source>
        <translation>滴速</translation>
    </message>
    <message>
        <source>&lt;b&gt;{rate}&lt;/b&gt; with a drop factor of {factor}</source>
        <translation>&lt;b&gt;{rate}&lt;/b&gt;，滴系数 {factor}</translation>
    </message>
    <message>
        <source>Time of use</source>
        <translation>使用时限</translation>
    </message>
    <message>
        <source>start by &lt;b&gt;{start}&lt;/b&gt; · finish by &lt;b&gt;{finish}&lt;/b&gt;</source>
        <translation>最晚开始 &lt;b&gt;{start}&lt;/b&gt; · 最晚结束 &lt;b&gt;{finish}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>not checked: no thaw time entered</source>
        <translation>未核查：未输入复苏时间</translation>
    </message>
    <message>
        <source>4  Results</source>
        <translation>4  结果</translation>
    </message>
    <message>
        <source>REPRINT {n}</source>
        <translation>重印 REPRINT {n}</translation>
    </message>
    <message>
        <source>REPRINT</source>
        <translation>重印 REPRINT</translation>
    </message>
    <message>
        <source>calculated {calculated} · generated {generated}</source>
        <translation>计算于 {calculated} · 生成于 {generated}</translation>
    </message>
    <message>
        <source>UC-MSC dose worksheet</source>
        <translation>UC-MSC 剂量工作单</translation>
    </message>
    <message>
        <source>NOT FOR ADMINISTRATION</source>
        <translation>不得用于输注 NOT FOR ADMINISTRATION</translation>
    </message>
    <message>
        <source>values checked against protocol {id} {hash}</source>
        <translation>数值已按方案 {id} {hash} 核查</translation>
    </message>
    <message>
        <source>Not a saved record: this copy cannot be checked against the record store.</source>
        <translation>非已保存记录：本份无法与记录库核对。</translation>
    </message>
    <message>
        <source>Record {id}</source>
        <translation>记录 {id}</translation>
    </message>
    <message>
        <source>Record {id} · record hash {hash} · chain head {head} · check: {command}</source>
        <translation>记录 {id} · 记录哈希 {hash} · 链头 {head} · 核对：{command}</translation>
    </message>
    <message>
        <source>Patient ID {id}</source>
        <translation>患者ID {id}</translation>
    </message>
    <message>
        <source>born {date}</source>
        <translation>出生 {date}</translation>
    </message>
    <message>
        <source>date of birth not recorded</source>
        <translation>出生日期未记录</translation>
    </message>
    <message>
        <source>age from date of birth</source>
        <translation>由出生日期计算</translation>
    </message>
    <message>
        <source>age as typed</source>
        <translation>按输入年龄</translation>
    </message>
    <message>
        <source>{years} years</source>
        <translation>{years} 岁</translation>
    </message>
    <message>
        <source>preview only</source>
        <translation>仅预览</translation>
    </message>
    <message>
        <source>{watermark} – preview, not a worksheet to prepare or give from. Reason: {reason}</source>
        <translation>{watermark} – 预览，不得据此配制或输注。原因：{reason}</translation>
    </message>
    <message>
        <source>{reprint} · {at} – the numbers are those saved at {saved}, not recomputed.</source>
        <translation>{reprint} · {at} – 数值为 {saved} 保存的数值，未重新计算。</translation>
    </message>
    <message>
        <source>Site: not set</source>
        <translation>中心：未设置</translation>
    </message>
    <message>
        <source>Record: not saved</source>
        <translation>记录：未保存</translation>
    </message>
    <message>
        <source>{record} · protocol file {hash}</source>
        <translation>{record} · 方案文件 {hash}</translation>
    </message>
    <message>
        <source>Protocol {id} version {version} – {title}</source>
        <translation>方案 {id} 版本 {version} – {title}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>第 {page} 页，共 {pages} 页</translation>
    </message>
    <message>
        <source>No flags.</source>
        <translation>无警示。</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>警示</translation>
    </message>
    <message>
        <source>Message; override (reason, initials)</source>
        <translation>说明；超越（原因，姓名缩写）</translation>
    </message>
    <message>
        <source>Overridden:</source>
        <translation>已超越：</translation>
    </message>
    <message>
        <source>Not overridden.</source>
        <translation>未超越。</translation>
    </message>
    <message>
        <source>NOT MET</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>PRESENT</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>The protocol lists no criteria.</source>
        <translation>方案未列入选标准。</translation>
    </message>
    <message>
        <source>Inclusion criterion</source>
        <translation>入选标准</translation>
    </message>
    <message>
        <source>Met?</source>
        <translation>符合？</translation>
    </message>
    <message>
        <source>Exclusion criterion</source>
        <translation>排除标准</translation>
    </message>
    <message>
        <source>Absent?</source>
        <translation>不存在？</translation>
    </message>
    <message>
        <source>Your volume to draw</source>
        <translation>您计算的抽取体积</translation>
    </message>
    <message>
        <source>Your dose delivered</source>
        <translation>您计算的输注剂量</translation>
    </message>
    <message>
        <source>Your infusion rate</source>
        <translation>您计算的输注速度</translation>
    </message>
    <message>
        <source>Your drip rate</source>
        <translation>您计算的滴速</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>职责</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>签名</translation>
    </message>
    <message>
        <source>Date / time</source>
        <translation>日期 / 时间</translation>
    </message>
    <message>
        <source>Meaning</source>
        <translation>含义</translation>
    </message>
    <message>
        <source>Signed by (user id)</source>
        <translation>签名人（用户ID）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>HARD</source>
        <translation>硬限制</translation>
    </message>
    <message>
        <source>SOFT</source>
        <translation>软限制</translation>
    </message>
    <message>
        <source>INFO</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>HARD: a protocol limit, cannot be overridden. SOFT: allowed only with a recorded reason and initials. INFO: for information.</source>
        <translation>硬限制：方案限制，不可超越。软限制：仅在记录原因并签署姓名缩写后允许。提示：仅供参考。</translation>
    </message>
    <message>
        <source>5  Flags and overrides</source>
        <translation>5  警示与超越</translation>
    </message>
    <message>
        <source>not confirmed</source>
        <translation>未确认</translation>
    </message>
    <message>
        <source>met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>无</translation>
    </message>
    <message>
        <source>6  Eligibility checklist</source>
        <translation>6  入选资格核查表</translation>
    </message>
    <message>
        <source>7  Independent check (second person)</source>
        <translation>7  独立核对（第二人）</translation>
    </message>
    <message>
        <source>Work out the volume and the dose yourself from the prescription and the product label, &lt;b&gt;without looking at sections 3 and 4&lt;/b&gt;. Write your own figures in the boxes, then compare. Any difference: stop and resolve it before the product is released.</source>
        <translation>请根据处方和制剂标签自行计算体积和剂量，&lt;b&gt;不要查看第3和第4部分&lt;/b&gt;。将您的结果写入方框后再比对。如有任何差异：停止，并在发放制剂前解决。</translation>
    </message>
    <message>
        <source>Volume step</source>
        <translation>体积刻度</translation>
    </message>
    <message>
        <source>{step} (round to nearest, ties up)</source>
        <translation>{step}（四舍五入，恰好一半时进位）</translation>
    </message>
    <message>
        <source>Bags</source>
        <translation>细胞袋</translation>
    </message>
    <message>
        <source>Duration, drop factor</source>
        <translation>时长，滴系数</translation>
    </message>
    <message>
        <source>Difference from the worksheet: ______________________________________ &amp;nbsp;&amp;nbsp; Figures agree: ☐ yes &amp;nbsp; ☐ no</source>
        <translation>与工作单的差异：______________________________________ &amp;nbsp;&amp;nbsp; 结果一致：☐ 是 &amp;nbsp; ☐ 否</translation>
    </message>
    <message>
        <source>Prepared by</source>
        <translation>配制人</translation>
    </message>
    <message>
        <source>Independently checked by</source>
        <translation>独立核对人</translation>
    </message>
    <message>
        <source>Administered by</source>
        <translation>输注人</translation>
    </message>
    <message>
        <source>8  Signatures</source>
        <translation>8  签名</translation>
    </message>
    <message>
        <source>Electronic signatures in the record (21 CFR Part 11 §11.50), as they were when this copy was made:</source>
        <translation>记录中的电子签名（21 CFR Part 11 §11.50），以本副本生成时为准：</translation>
    </message>
    <message>
        <source>No electronic signature: this record store has no user accounts. Sign the boxes below by hand.</source>
        <translation>无电子签名：本记录库未启用用户账户。请在下方方框内手写签名。</translation>
    </message>
    <message>
        <source>Prepared</source>
        <translation>配制</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>核对</translation>
    </message>
    <message>
        <source>Check mismatch</source>
        <translation>核对不一致</translation>
    </message>
    <message>
        <source>{initials} (initials only: no electronic signature)</source>
        <translation>{initials}（仅姓名缩写：无电子签名）</translation>
    </message>
    <message>
        <source>blind re-entry matched</source>
        <translation>盲法重新录入一致</translation>
    </message>
    <message>
        <source>blind re-entry differed:</source>
        <translation>盲法重新录入不一致：</translation>
    </message>
    <message>
        <source>no electronic signature</source>
        <translation>无电子签名</translation>
    </message>
    <message>
        <source>not checked when this copy was made</source>
        <translation>本副本生成时尚未核对</translation>
    </message>
    <message>
        <source>signed electronically (above)</source>
        <translation>已电子签名（见上）</translation>
    </message>
</context>
</TS>
