// Why: citizens from Hong Kong, Macao and Taiwan (and some phone keyboards) type traditional characters; the KB is simplified.
/** Traditional → simplified character pairs common in hotline questions ("繁简", space separated). */
const PAIRS = `
戶户 證证 醫医 險险 積积 號号 資资 費费 離离 職职 請请 問问 辦办 麼么 麽么 嗎吗 這这 個个 們们 為为 說说 車车 電电 氣气 熱热
聲声 擾扰 鄰邻 購购 買买 賣卖 貨货 錢钱 寬宽 齡龄 補补 貼贴 繳缴 納纳 轉转 閒闲 間间 開开 關关 門门 場场 廣广 東东 區区 縣县
鄉乡 鎮镇 長长 訴诉 舉举 報报 議议 揚扬 謝谢 幫帮 與与 給给 讓让 還还 時时 過过 會会 來来 後后 從从 對对 發发 現现 將将 當当
應应 該该 點点 學学 園园 級级 讀读 書书 寫写 碼码 試试 師师 員员 隊队 業业 務务 處处 單单 據据 記记 錄录 網网 線线 機机 構构
驗验 檢检 測测 權权 產产 實实 種种 樣样 條条 價价 錯错 難难 題题 體体 總总 經经 濟济 勞劳 動动 獎奖 災灾 颱台 風风 澇涝 漲涨
潰溃 壩坝 擋挡 預预 龍龙 捲卷 颶飓 劃划 罰罚 駕驾 駛驶 違违 規规 燈灯 紅红 綠绿 輛辆 鐵铁 換换 駐驻 際际 養养 護护 適适 殘残
貧贫 窮穷 愛爱 結结 喪丧 藥药 診诊 療疗 銷销 備备 異异 嬰婴 兒儿 親亲 屬属 歲岁 孫孙 婦妇 鬧闹 樂乐 裝装 鑽钻 樁桩 響响 鳴鸣
溫温 燒烧 煙烟 滅灭 傷伤 殺杀 搶抢 騙骗 盜盗 槍枪 裡里 裏里 麵面 髮发 臺台 檯台 製制 準准 徵征 僅仅 儘尽 憑凭 帳账 賬账 頭头
額额 贈赠 繼继 遺遗 囑嘱 稅税 約约 訂订 簽签 託托 擔担 貸贷 寶宝 貝贝 餵喂 媽妈 認认 識识 隨随 遷迁 檔档 領领 啟启 啓启 憶忆
倉仓 庫库 廳厅 屆届 歷历 曆历 壓压 墜坠 衛卫 鐘钟 鍾钟 賠赔 償偿 決决 盡尽 團团 圍围 態态 慶庆 滿满 陽阳 陰阴 雲云 雙双 獨独
舊旧 兩两 壞坏 斷断 燈灯 爐炉 漿浆 濕湿 積积 縮缩 續续 紀纪 約约 組组 細细 終终 給给 統统 維维 綫线 緊紧 網网 罷罢 習习 聽听
藝艺 蘭兰 虛虚 號号 蟲虫 術术 衝冲 補补 襲袭 親亲 觀观 計计 訊讯 討讨 託托 設设 訪访 證证 評评 試试 詢询 該该 詳详 誤误 調调
談谈 課课 請请 論论 諮咨 謀谋 講讲 證证 譯译 讀读 變变 貼贴 資资 賓宾 趕赶 躍跃 軟软 較较 載载 輔辅 輕轻 輸输 辭辞 農农 遞递
遠远 適适 選选 遺遗 郵邮 醬酱 針针 鋪铺 錄录 鎖锁 長长 閉闭 閘闸 閱阅 陸陆 隨随 險险 雜杂 雞鸡 離离 電电 靈灵 靜静 韓韩 項项
順顺 預预 領领 頻频 顧顾 風风 飛飞 飯饭 飲饮 養养 餐餐 館馆 驚惊 體体 髒脏 鬥斗 魚鱼 鳥鸟 麥麦 黃黄 齊齐 齒齿 龜龟
`;

const map = new Map<string, string>();
for (const pair of PAIRS.split(/\s+/)) {
  const chars = [...pair];
  if (chars.length !== 2) continue;
  if (chars[0] !== chars[1]) map.set(chars[0]!, chars[1]!);
}

const anyTraditional = new RegExp(`[${[...map.keys()].join('')}]`);
const oneTraditional = new RegExp(anyTraditional.source, 'g');

/** Traditional → simplified, character by character (only characters in the table change). */
export function toSimplified(text: string): string {
  if (!anyTraditional.test(text)) return text;
  return text.replace(oneTraditional, (ch) => map.get(ch) ?? ch);
}
