<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
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
