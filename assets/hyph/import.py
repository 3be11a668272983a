#!/usr/bin/env python3
# import.py — make the hyphenation pattern files of assets/hyph from Debian's packages: LibreOffice's
# hyph_*.dic (the hyphen-* packages, hyphen-lv, hyphen-pl and myspell-et for Estonian) and TeX's hyph-utf8
# patterns (texlive-lang-european: Finnish, Turkish, Welsh, Irish, Macedonian, Upper Sorbian, Occitan,
# Romansh, Latin, Friulian, Piedmontese, Kurmanji, Norwegian; texlive-lang-greek: monotonic Greek, better than
# LibreOffice's, polytonic and Ancient Greek; texlive-lang-cyrillic: Bulgarian; texlive-lang-portuguese:
# European Portuguese; texlive-lang-spanish: Galician), each converted to UTF-8 with a LICENSE-hyph_<set>.txt
# beside it. Bulgarian, Galician, Norwegian and European Portuguese come from TeX because LibreOffice's files for
# them (hyphen-bg, -gl, -no, -pt-pt) are under the GPL only; TeX's are under a BSD-style licence (bg, pt), the
# LPPL (gl) or an all-permissive notice (no). Three stay LibreOffice's and GPL-only: Czech (TeX's hyph-cs is
# GPL-2+ too), Romanian (TeX's hyph-ro states no licence at all) and Ukrainian (TeX's hyph-uk, LPPL, breaks far
# fewer consonant clusters: e-reader pages of corpus/lang/uk-arkhiv-gazet.md get word spaces of 0.70 em at the
# 95th percentile, over TestLooseness's 0.55).
#
#   python3 assets/hyph/import.py            # downloads the packages with apt-get download into a temporary folder
#   python3 assets/hyph/import.py ROOT       # or reads them from ROOT, where they are unpacked (dpkg-deb -x)
#
# then `go generate ./internal/hyph` packs them into internal/hyph/tries/<set>.bin.
#
# The LibreOffice files keep their text; only their character set changes (the first line then reads
# UTF-8). The licence of each is the part of the package's copyright file that covers it (the Files: stanza that
# names it, last match winning as in Debian's format, and the License: paragraphs it refers to), or the
# whole file when the package has its own. A TeX .pat.txt becomes a .dic: the UTF-8 line, the header of
# the hyph-<lang>.tex it comes from (its licence) as % comments, the patterns, and its .hyp.txt
# exceptions as a \hyphenation{} block; its licence is that header. Norwegian has no .pat.txt of its own:
# hyph-nb.tex and hyph-nn.tex \input hyph-no.tex and add two exceptions each, which differ (Bokmål at-ten-de,
# be-tre; Nynorsk att-en-de, bet-re), so the one set for nb, nn and no is hyph-no.tex itself, its \patterns and
# \hyphenation blocks (the patterns are those of hyph-nb.pat.txt and hyph-nn.pat.txt). English (US) and Russian
# are not rewritten: they were imported before, from the same packages.
import fnmatch, os, re, subprocess, sys, tempfile
PKGS = ['hyphen-af', 'hyphen-be', 'hyphen-ca', 'hyphen-cs', 'hyphen-da', 'hyphen-de', 'hyphen-en-gb',
        'hyphen-es', 'hyphen-fr', 'hyphen-hr', 'hyphen-hu', 'hyphen-id', 'hyphen-is', 'hyphen-it',
        'hyphen-lt', 'hyphen-lv', 'hyphen-mn', 'hyphen-nl', 'hyphen-pl', 'hyphen-pt-br',
        'hyphen-ro', 'hyphen-sk', 'hyphen-sl', 'hyphen-sr', 'hyphen-sv', 'hyphen-uk', 'hyphen-zu',
        'myspell-et', 'texlive-lang-european', 'texlive-lang-greek', 'texlive-lang-cyrillic',
        'texlive-lang-portuguese', 'texlive-lang-spanish']
if len(sys.argv) > 1:
    R = sys.argv[1]
else:
    tmp = tempfile.mkdtemp()
    subprocess.run(['apt-get', 'download'] + PKGS, cwd=tmp, check=True)
    R = os.path.join(tmp, 'root')
    for f in sorted(os.listdir(tmp)):
        if f.endswith('.deb'):
            subprocess.run(['dpkg-deb', '-x', os.path.join(tmp, f), R], check=True)
H=R+'/usr/share/hyphen/'
T=R+'/usr/share/texlive/texmf-dist/tex/generic/hyph-utf8/patterns/'
D=R+'/usr/share/doc/'
OUT=os.path.dirname(os.path.abspath(__file__))+'/'
# set key -> (source file, debian package, path in LibreOffice's tree or None)
LO = {
 'af':('hyph_af_ZA.dic','hyphen-af','dictionaries/af_ZA/hyph_af_ZA.dic'),
 'be':('hyph_be_BY.dic','hyphen-be','dictionaries/be_BY/hyph_be_BY.dic'),
 'ca':('hyph_ca_ES.dic','hyphen-ca','dictionaries/ca/dictionaries/hyph_ca.dic'),
 'cs':('hyph_cs_CZ.dic','hyphen-cs','dictionaries/cs_CZ/hyph_cs_CZ.dic'),
 'da':('hyph_da_DK.dic','hyphen-da','dictionaries/da_DK/hyph_da_DK.dic'),
 'de':('hyph_de_DE.dic','hyphen-de','dictionaries/de/hyph_de_DE.dic'),
 'en-GB':('hyph_en_GB.dic','hyphen-en-gb','dictionaries/en/hyph_en_GB.dic'),
 'es':('hyph_es_ES.dic','hyphen-es','dictionaries/es/hyph_es.dic'),
 'fr':('hyph_fr.dic','hyphen-fr','dictionaries/fr_FR/hyph_fr.dic'),
 'hr':('hyph_hr_HR.dic','hyphen-hr','dictionaries/hr_HR/hyph_hr_HR.dic'),
 'hu':('hyph_hu_HU.dic','hyphen-hu','dictionaries/hu_HU/hyph_hu_HU.dic'),
 'id':('hyph_id_ID.dic','hyphen-id','dictionaries/id/hyph_id_ID.dic'),
 'is':('hyph_is_IS.dic','hyphen-is','dictionaries/is/hyph_is.dic'),
 'it':('hyph_it_IT.dic','hyphen-it','dictionaries/it_IT/hyph_it_IT.dic'),
 'lt':('hyph_lt_LT.dic','hyphen-lt','dictionaries/lt_LT/hyph_lt.dic'),
 'mn':('hyph_mn_MN.dic','hyphen-mn','dictionaries/mn_MN/hyph_mn_MN.dic'),
 'nl':('hyph_nl_NL.dic','hyphen-nl','dictionaries/nl_NL/hyph_nl_NL.dic'),
 'pt-BR':('hyph_pt_BR.dic','hyphen-pt-br','dictionaries/pt_BR/hyph_pt_BR.dic'),
 'ro':('hyph_ro_RO.dic','hyphen-ro','dictionaries/ro/hyph_ro_RO.dic'),
 'sk':('hyph_sk_SK.dic','hyphen-sk','dictionaries/sk_SK/hyph_sk_SK.dic'),
 'sl':('hyph_sl_SI.dic','hyphen-sl','dictionaries/sl_SI/hyph_sl_SI.dic'),
 'sr-Cyrl':('hyph_sr_RS.dic','hyphen-sr','dictionaries/sr/hyph_sr.dic'),
 'sr-Latn':('hyph_sr-Latn_RS.dic','hyphen-sr','dictionaries/sr/hyph_sr-Latn.dic'),
 'sv':('hyph_sv_SE.dic','hyphen-sv','dictionaries/sv_SE/hyph_sv.dic'),
 'uk':('hyph_uk_UA.dic','hyphen-uk','dictionaries/uk_UA/hyph_uk_UA.dic'),
 'zu':('hyph_zu_ZA.dic','hyphen-zu','dictionaries/zu_ZA/hyph_zu_ZA.dic'),
 'lv':('hyph_lv_LV.dic','hyphen-lv',None),
 'pl':('hyph_pl_PL.dic','hyphen-pl',None),
 'et':('hyph_et_EE.dic','myspell-et',None),
}
# set -> (hyph-utf8 name, Debian package)
TEX = {'fi': ('fi', 'texlive-lang-european'), 'tr': ('tr', 'texlive-lang-european'), 'cy': ('cy', 'texlive-lang-european'),
       'ga': ('ga', 'texlive-lang-european'), 'mk': ('mk', 'texlive-lang-european'), 'hsb': ('hsb', 'texlive-lang-european'),
       'oc': ('oc', 'texlive-lang-european'), 'rm': ('rm', 'texlive-lang-european'), 'la': ('la', 'texlive-lang-european'),
       'fur': ('fur', 'texlive-lang-european'), 'pms': ('pms', 'texlive-lang-european'), 'kmr': ('kmr', 'texlive-lang-european'),
       # LibreOffice's Greek patterns never break after a vowel with a tonos (κατάστα-ση): TeX's do (κα-τά-στα-ση)
       'el': ('el-monoton', 'texlive-lang-greek'), 'el-polyton': ('el-polyton', 'texlive-lang-greek'),
       'grc': ('grc', 'texlive-lang-greek'),
       # LibreOffice's are under the GPL only (see above)
       'bg': ('bg', 'texlive-lang-cyrillic'), 'gl': ('gl', 'texlive-lang-spanish'),
       'pt-PT': ('pt', 'texlive-lang-portuguese'), 'no': ('no', 'texlive-lang-european')}

ID_NOTE = '''
Note: Debian's copyright file names no stanza for hyph_id_ID.dic itself, so the
"Files: *" stanza above is the one that applies to it. The stanza for the other
files of LibreOffice's Indonesian dictionary reads:

Files: dictionaries/id/id_ID.*
Copyright: Copyright (C) 2017 Ali Ahmadi <idnux09@gmail.com>
License: LGPL-3
'''

def paragraphs(text):
    return [p for p in re.split(r'\n\s*\n', text) if p.strip()]

def field(p, name):
    m = re.search(r'^'+name+r':[ \t]*(.*(?:\n[ \t].*)*)', p, re.M)
    return m.group(1) if m else None

def dep5(copyright, path):
    ps = paragraphs(copyright)
    header = ps[0]
    files = [p for p in ps if field(p,'Files') is not None]
    lic = {field(p,'License').split('\n')[0].strip(): p for p in ps if field(p,'Files') is None and field(p,'License') is not None}
    match = None
    for p in files:
        if any(fnmatch.fnmatchcase(path, g) for g in field(p,'Files').split()):
            match = p
    names = re.split(r'\s+(?:or|and)\s+|,\s*', field(match,'License').split('\n')[0].strip())
    out = [header, match] + [lic[n] for n in names if n in lic]
    sys.stderr.write('%s: %s\n' % (path, field(match,'Files')))
    return '\n\n'.join(out) + '\n'

def decode(raw):
    first, rest = raw.split(b'\n',1)
    cs = first.strip().decode().lower()
    cs = {'iso8859-1':'latin-1','iso8859-2':'iso-8859-2','iso8859-5':'iso-8859-5','iso8859-7':'iso-8859-7',
          'iso8859-13':'iso-8859-13','iso8859-15':'iso-8859-15','utf-8':'utf-8','koi8-r':'koi8-r'}[cs]
    text = rest.decode(cs).replace('\r\n','\n').replace('\r','\n')
    return 'UTF-8\n' + text

for key,(src,pkg,lopath) in LO.items():
    name = 'hyph_'+key.replace('-','_')
    raw = open(H+src,'rb').read()
    text = decode(raw)
    open(OUT+name+'.dic','w').write(text)
    cp = open(D+pkg+'/copyright', encoding='utf-8').read()
    if lopath:
        cp = dep5(cp, lopath)
    if key == 'id':
        cp += ID_NOTE
    head = 'Hyphenation patterns %s.dic, from assets/hyph: Debian package %s, file /usr/share/hyphen/%s, converted to UTF-8.\nIts copyright and licence, from /usr/share/doc/%s/copyright%s:\n\n' % (name, pkg, src, pkg, ' (the parts about this file)' if lopath else '')
    open(OUT+'LICENSE-'+name+'.txt','w').write(head+cp)

for key, (tname, pkg) in TEX.items():
    name = 'hyph_'+key.replace('-', '_')
    tex = open(T+'tex/hyph-%s.tex'%tname, encoding='utf-8').read()
    src = 'hyph-%s.pat.txt' % tname
    if os.path.exists(T+'txt/hyph-%s.pat.txt'%tname):
        pat = open(T+'txt/hyph-%s.pat.txt'%tname, encoding='utf-8').read()
        hyp = ''
        if os.path.exists(T+'txt/hyph-%s.hyp.txt'%tname):
            hyp = open(T+'txt/hyph-%s.hyp.txt'%tname, encoding='utf-8').read()
    else:
        # Norwegian: the \patterns{…} and \hyphenation{…} blocks of the .tex, without comments
        src = 'hyph-%s.tex' % tname
        code = re.sub(r'%[^\n]*', '', tex)
        def block(cmd):
            m = re.search(r'\\'+cmd+r'\{(.*?)\}', code, re.S)
            return ''.join(w+'\n' for w in m.group(1).split()) if m else ''
        pat, hyp = block('patterns'), block('hyphenation')
    header = tex.split('\\patterns')[0]
    header = '\n'.join(l for l in header.split('\n') if l.startswith('%'))
    body = 'UTF-8\n% Converted from TeX hyph-utf8 '+src+' (Debian '+pkg+'); the header of hyph-'+tname+'.tex:\n' + header + '\n' + pat
    if hyp.strip():
        body += '\\hyphenation{\n' + hyp + '}\n'
    open(OUT+name+'.dic','w').write(body)
    open(OUT+'LICENSE-'+name+'.txt','w').write('Hyphenation patterns %s.dic, from assets/hyph: TeX hyph-utf8 %s as shipped in Debian package %s.\nIts copyright and licence, from the header of hyph-%s.tex:\n\n%s\n' % (name, src, pkg, tname, header))
