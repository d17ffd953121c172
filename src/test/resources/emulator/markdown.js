// Discord's markdown, rendered to DOM nodes as Discord's client shows it. Safe by construction: message text only
// ever becomes Text nodes (textContent), element names and classes are constants, and the only attribute taken
// from a message is a link's href, which must be http(s). No innerHTML anywhere.
// window.DiscordMarkdown.render(text, names) -> DocumentFragment; names = { user(id), role(id), channel(id) }
// each answering a name or undefined, and channelClicked(id) for a click on a #channel mention.
(() => {
  'use strict';

  const MAX_DEPTH = 12;

  function el(tag, className, ...children) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    for (const child of children) node.append(child);
    return node;
  }

  function link(url, ...children) {
    const a = el('a', 'md-link', ...children);
    a.href = url; // only ever http(s): every rule that makes a link matches that scheme
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    a.title = url;
    return a;
  }

  function mention(text, className) {
    return el('span', 'mention' + (className ? ' ' + className : ''), text);
  }

  function spoiler(inner) {
    const hidden = el('span', 'spoiler-content', inner);
    hidden.setAttribute('aria-hidden', 'true');
    const node = el('span', 'spoiler', hidden);
    node.tabIndex = 0;
    node.setAttribute('role', 'button');
    node.setAttribute('aria-expanded', 'false');
    node.title = 'Spoiler: click to reveal';
    const reveal = () => {
      node.classList.add('revealed');
      node.setAttribute('aria-expanded', 'true');
      node.removeAttribute('role');
      node.removeAttribute('tabindex');
      node.removeAttribute('title');
      hidden.removeAttribute('aria-hidden');
    };
    node.addEventListener('click', reveal);
    node.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        reveal();
      }
    });
    return node;
  }

  const TIME_STYLES = {
    t: { timeStyle: 'short' }, T: { timeStyle: 'medium' }, d: { dateStyle: 'short' }, D: { dateStyle: 'long' },
    f: { dateStyle: 'long', timeStyle: 'short' }, F: { dateStyle: 'full', timeStyle: 'short' },
  };

  function timestamp(seconds, style) {
    const date = new Date(seconds * 1000);
    if (Number.isNaN(date.getTime())) return document.createTextNode(`<t:${seconds}>`);
    let text;
    if (style === 'R') {
      const diff = (date.getTime() - Date.now()) / 1000;
      const units = [['year', 31536000], ['month', 2592000], ['day', 86400], ['hour', 3600], ['minute', 60]];
      const [unit, size] = units.find(([, s]) => Math.abs(diff) >= s) || ['second', 1];
      text = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(diff / size), unit);
    }
    else {
      text = date.toLocaleString(undefined, TIME_STYLES[style] || TIME_STYLES.f);
    }
    const node = el('time', 'md-time', text);
    node.dateTime = date.toISOString();
    node.title = date.toLocaleString();
    return node;
  }

  function wordBefore(source, index) {
    return index > 0 && /[\p{L}\p{N}]/u.test(source[index - 1]);
  }

  // Inline rules, tried in this order at each position. Each regex is sticky (y): it matches exactly there.
  const INLINE = [
    { re: /\\([^\p{L}\p{N}\s])/uy, make: (m) => document.createTextNode(m[1]) },
    { re: /(`{1,2})(?!`)([\s\S]*?[^`])\1(?!`)/y, make: (m) => el('code', 'md-code', m[1].length > 1 ? m[2].trim() : m[2]) },
    { re: /<@!?(\d{1,20})>/y, make: (m, names) => mention('@' + (names.user(m[1]) || 'unknown-user')) },
    { re: /<@&(\d{1,20})>/y, make: (m, names) => mention('@' + (names.role(m[1]) || 'unknown-role'), 'role') },
    {
      re: /<#(\d{1,20})>/y,
      make: (m, names) => {
        const name = names.channel(m[1]);
        if (!name || !names.channelClicked) return mention('#' + (name || 'unknown-channel'));
        const button = el('button', 'mention channel', '#' + name);
        button.type = 'button';
        button.addEventListener('click', () => names.channelClicked(m[1]));
        return button;
      },
    },
    { re: /<\/([\w-]{1,32}(?: [\w-]{1,32}){0,2}):\d{1,20}>/y, make: (m) => mention('/' + m[1], 'command') },
    { re: /@(everyone|here)(?![\p{L}\p{N}_])/uy, make: (m) => mention('@' + m[1], 'everyone') },
    {
      // a custom emoji: its image from the CDN, its name when the image cannot be shown
      re: /<(a?):(\w{2,32}):(\d{1,20})>/y,
      make: (m) => {
        const image = el('img', 'md-emoji');
        image.src = `/emojis/${m[3]}.${m[1] ? 'gif' : 'png'}`;
        image.alt = `:${m[2]}:`;
        image.title = `:${m[2]}:`;
        return image;
      },
    },
    { re: /<t:(-?\d{1,13})(?::([tTdDfFR]))?>/y, make: (m) => timestamp(Number(m[1]), m[2]) },
    {
      re: /\[([^\[\]\n]{1,256})\]\(\s*<?(https?:\/\/[^\s()<>]+(?:\([^\s()<>]*\)[^\s()<>]*)*)>?\s*\)/y,
      links: true,
      make: (m, names, depth) => link(m[2], inline(m[1], names, depth, false)),
    },
    { re: /<(https?:\/\/[^\s<>]+)>/y, links: true, make: (m) => link(m[1], m[1]) },
    { re: /https?:\/\/[^\s<]*[^\s<.,:;"'!?)\]]/y, links: true, make: (m) => link(m[0], m[0]) },
    { re: /\|\|([\s\S]+?)\|\|/y, make: (m, names, depth, links) => spoiler(inline(m[1], names, depth, links)) },
    { re: /\*\*([\s\S]+?)\*\*(?!\*)/y, tag: 'strong' },
    { re: /__([\s\S]+?)__(?!_)/y, tag: 'u' },
    { re: /\*(?![\s*])((?:\*\*[^*]+\*\*|[^*])+?)(?<!\s)\*(?!\*)/y, tag: 'em' },
    { re: /_((?:__[^_]+__|[^_])+?)_(?![\p{L}\p{N}_])/uy, tag: 'em', notAfterWord: true },
    { re: /~~([\s\S]+?)~~/y, tag: 's' },
  ];

  // where text may stop being plain: the first characters of the rules above
  const STARTERS = /[\\`<@\[h|*_~]/g;

  function inline(source, names, depth = 0, links = true) {
    const out = document.createDocumentFragment();
    let text = '';
    let i = 0;
    scan: while (i < source.length) {
      if (depth < MAX_DEPTH) {
        for (const rule of INLINE) {
          if ((rule.links && !links) || (rule.notAfterWord && wordBefore(source, i))) continue;
          rule.re.lastIndex = i;
          const match = rule.re.exec(source);
          if (!match) continue;
          if (text) out.append(document.createTextNode(text));
          text = '';
          i += match[0].length; // before recursing: the rules' regexes are shared
          out.append(rule.tag ? el(rule.tag, 'md-' + rule.tag, inline(match[1], names, depth + 1, links))
            : rule.make(match, names, depth + 1, links));
          continue scan;
        }
      }
      STARTERS.lastIndex = i + 1;
      const next = STARTERS.exec(source);
      const end = next ? next.index : source.length;
      text += source.slice(i, end);
      i = end;
    }
    if (text) out.append(document.createTextNode(text));
    return out;
  }

  const LIST_ITEM = /^( *)([-*]|\d{1,9}\.) +(\S.*)$/;

  function list(items, names) {
    const root = document.createDocumentFragment();
    const stack = []; // { indent, list }
    for (const item of items) {
      const ordered = /\d/.test(item.marker);
      while (stack.length && stack[stack.length - 1].indent > item.indent) stack.pop();
      let top = stack[stack.length - 1];
      if (top && top.indent === item.indent && top.ordered !== ordered) {
        stack.pop(); // "1." after "-": a new list at the same level
        top = stack[stack.length - 1];
      }
      if (!top || item.indent > top.indent) {
        const node = el(ordered ? 'ol' : 'ul', 'md-list');
        if (ordered) node.start = parseInt(item.marker, 10);
        (top ? top.list.lastElementChild || top.list : root).append(node);
        top = { indent: item.indent, ordered, list: node };
        stack.push(top);
      }
      top.list.append(el('li', '', inline(item.text, names)));
    }
    return root;
  }

  // Lines of text without code blocks: quotes, headings, subtext, lists and paragraphs.
  function lines(source, names, quoted, out) {
    const rows = source.split('\n');
    let paragraph = [];
    const flush = () => {
      if (paragraph.length) out.append(el('div', 'md-p', inline(paragraph.join('\n'), names)));
      paragraph = [];
    };
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      let m;
      if (!quoted && /^>>> ?/.test(row)) {
        flush();
        const quote = el('blockquote', 'md-quote');
        lines([row.replace(/^>>> ?/, ''), ...rows.slice(i + 1)].join('\n'), names, true, quote);
        out.append(quote);
        return;
      }
      if (!quoted && (row.startsWith('> ') || row === '>')) {
        flush();
        const inner = [];
        while (i < rows.length && (rows[i].startsWith('> ') || rows[i] === '>')) inner.push(rows[i++].slice(2));
        i--;
        const quote = el('blockquote', 'md-quote');
        lines(inner.join('\n'), names, true, quote);
        out.append(quote);
      }
      else if ((m = /^(#{1,3}) +(\S.*)$/.exec(row))) {
        flush();
        out.append(el('h' + (m[1].length + 2), 'md-h' + m[1].length, inline(m[2], names)));
      }
      else if ((m = /^-# +(\S.*)$/.exec(row))) {
        flush();
        out.append(el('small', 'md-subtext', inline(m[1], names)));
      }
      else if (LIST_ITEM.test(row)) {
        flush();
        const items = [];
        while (i < rows.length && (m = LIST_ITEM.exec(rows[i]))) {
          items.push({ indent: m[1].length, marker: m[2], text: m[3] });
          i++;
        }
        i--;
        out.append(list(items, names));
      }
      else {
        paragraph.push(row);
      }
    }
    flush();
  }

  const CODE_BLOCK = /```(?:([\w+\-.#]{1,32})\n)?\n*([\s\S]*?)\n*```/g;

  function render(source, names) {
    const out = document.createDocumentFragment();
    let at = 0;
    CODE_BLOCK.lastIndex = 0;
    for (let m; (m = CODE_BLOCK.exec(source));) {
      if (!m[2]) continue;
      const before = source.slice(at, m.index).replace(/\n$/, '');
      if (before) lines(before, names, false, out);
      const code = el('code', m[1] ? 'language-' + m[1].toLowerCase() : '', m[2]);
      const pre = el('pre', 'md-codeblock', code);
      if (m[1]) pre.dataset.language = m[1];
      out.append(pre);
      at = CODE_BLOCK.lastIndex;
      if (source[at] === '\n') at++;
    }
    if (at < source.length) lines(source.slice(at), names, false, out);
    return out;
  }

  window.DiscordMarkdown = { render, inline };
})();
