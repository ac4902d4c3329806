// Why: a question about a public matter none of the 18 categories covers — fire safety and drills, the emergency
// numbers, fireworks rules, animals, neighbourhood management, permits and fines — is still the hotline's business:
// 12345 answers it through a person. Read only when no subject of ours was found, to tell such a question from chat
// that is nobody's business (the weather, a recipe, a joke).

/** Public bodies and public-service matters, in Chinese (the normalized text: English key phrases are translated by then). */
export const PUBLIC_MATTER =
  /(政府|部门|机关|派出所|公安|民警|交警|消防(?!通道)|灭火器|演习|演练|急救|报警(?!器)|救护车|号码|热线|居委|村委|社区|街道|物业|业委会|城管|环卫|市场监管|卫健|疾控|防疫|狂犬|疫苗|流浪(?:狗|猫|动物)|养狗|犬只|狗证|鞭炮|烟花|禁放|祭扫|殡葬|墓地|规定|政策|法规|违法|合法|罚款|处罚|许可|审批|备案|登记|证明|执照|资质|检查|检测|合格|补贴|救助|低保|残疾|公证|法律援助|律师|信访)/;

/** The same in English, over the raw text in lower case (what the English lexicon does not translate). */
export const PUBLIC_MATTER_EN =
  /\b(government|department|authorit(y|ies)|police|fire (drill|safety|inspection|brigade|service)|extinguishers?|ambulance|emergency numbers?|hotline|community (office|centre|center)|property management|permit|licen[cs]e|regulations?|rules?|legal|fined|(a|the|parking|traffic) fine|inspection|certificate|subsid(y|ies)|fireworks|stray (dogs?|cats?)|vaccin\w+)\b/;

/** True when the message names a public matter (Chinese over `norm`, English over the raw text in lower case). */
export function namesPublicMatter(norm: string, rawLower: string): boolean {
  return PUBLIC_MATTER.test(norm) || (/[a-z]{3}/.test(rawLower) && PUBLIC_MATTER_EN.test(rawLower));
}
