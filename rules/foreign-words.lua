-- Words that spelling/unknown-syllable accepts although the Vietnamese
-- dictionary does not: foreign words and brand names common in commune
-- reports, loan words, and Vietnamese syllables missing from hunspell-vi.
-- Keys are lower case. Policy data (loaded in an empty environment): add
-- words here, no code change.
return {
  -- information technology
  ["email"] = true, ["e-mail"] = true, ["gmail"] = true, ["website"] = true, ["web"] = true,
  ["internet"] = true, ["online"] = true, ["offline"] = true, ["wifi"] = true, ["zalo"] = true,
  ["facebook"] = true, ["fanpage"] = true, ["youtube"] = true, ["google"] = true, ["microsoft"] = true,
  ["office"] = true, ["word"] = true, ["excel"] = true, ["powerpoint"] = true, ["windows"] = true,
  ["server"] = true, ["router"] = true, ["switch"] = true, ["modem"] = true, ["camera"] = true,
  ["scan"] = true, ["scanner"] = true, ["photocopy"] = true, ["photo"] = true, ["fax"] = true,
  ["laptop"] = true, ["desktop"] = true, ["tablet"] = true, ["smartphone"] = true, ["app"] = true,
  ["software"] = true, ["hardware"] = true, ["virus"] = true, ["antivirus"] = true, ["backup"] = true,
  ["password"] = true, ["account"] = true, ["login"] = true, ["portal"] = true, ["link"] = true,
  ["file"] = true, ["video"] = true, ["clip"] = true, ["livestream"] = true, ["loa"] = true,
  ["smart"] = true, ["digital"] = true, ["data"] = true, ["cloud"] = true, ["token"] = true,
  ["usb"] = true, ["sim"] = true, ["card"] = true, ["mobile"] = true, ["banking"] = true,
  ["viettel"] = true, ["vnpt"] = true, ["mobifone"] = true, ["vinaphone"] = true, ["fpt"] = true,
  ["vneid"] = true, ["egov"] = true, ["ioffice"] = true, ["voffice"] = true, ["hue-s"] = true,
  ["qr"] = true, ["code"] = true, ["mail"] = true, ["chat"] = true, ["zoom"] = true,
  ["teams"] = true, ["meet"] = true, ["hotline"] = true, ["tivi"] = true, ["ti"] = true,
  ["vi"] = true, ["radio"] = true, ["pano"] = true, ["panô"] = true, ["áp-phích"] = true,
  ["băng-rôn"] = true, ["băng"] = true, ["rôn"] = true, ["ki-ốt"] = true, ["ốt"] = true,
  -- administration, finance, health
  ["covid"] = true, ["vaccine"] = true, ["vắc-xin"] = true, ["vắcxin"] = true, ["xin"] = true,
  ["par"] = true, ["index"] = true, ["sipas"] = true, ["papi"] = true, ["pci"] = true,
  ["ict"] = true, ["iso"] = true, ["tcvn"] = true, ["gdp"] = true, ["grdp"] = true, ["oda"] = true,
  ["ngo"] = true, ["ok"] = true, ["visa"] = true, ["logo"] = true, ["slogan"] = true,
  ["marketing"] = true, ["festival"] = true, ["container"] = true, ["ga"] = true,
  ["gas"] = true, ["ozone"] = true, ["plastic"] = true, ["nilon"] = true, ["nylon"] = true,
  ["karaoke"] = true, ["massage"] = true, ["game"] = true, ["games"] = true, ["bar"] = true,
  ["pa-nô"] = true, ["ka-ra-ô-kê"] = true, ["ô-tô"] = true, ["xe"] = true,
  ["km"] = true, ["kg"] = true, ["ha"] = true, ["cm"] = true, ["mm"] = true, ["kw"] = true,
  ["kwh"] = true, ["mw"] = true, ["ml"] = true, ["mg"] = true,
}
