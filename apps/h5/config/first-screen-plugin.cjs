// Writes first-screen.json next to index.html: the JS/CSS the entry loads plus the chunks of the
// home page's lazy import, so the bundle report and the build test measure what a first visit fetches.
// With MINHU_BUNDLE_STATS=1 it also writes bundle-modules.json (largest modules per chunk).
const HOME = /pages[\\/]index[\\/]index/;

class FirstScreenPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('FirstScreenPlugin', (compilation) => {
      const { RawSource } = compiler.webpack.sources;
      compilation.hooks.processAssets.tap(
        { name: 'FirstScreenPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          const filesOf = (group) => [...new Set(group.chunks.flatMap((c) => [...c.files]))].filter((f) => /\.(js|css)$/.test(f));
          const entry = compilation.entrypoints.get('app');
          const home = [];
          for (const group of compilation.chunkGroups) {
            if (group.origins.some((o) => o.request && HOME.test(o.request))) home.push(...filesOf(group));
          }
          const manifest = { entry: entry ? filesOf(entry) : [], home: [...new Set(home)] };
          compilation.emitAsset('first-screen.json', new RawSource(JSON.stringify(manifest, null, 2)));

          if (process.env.MINHU_BUNDLE_STATS === '1') {
            const out = {};
            for (const chunk of compilation.chunks) {
              const mods = [...compilation.chunkGraph.getChunkModulesIterable(chunk)]
                .map((m) => ({ name: (m.nameForCondition && m.nameForCondition()) || m.identifier(), size: m.size() }))
                .sort((a, b) => b.size - a.size);
              out[[...chunk.files].join(',')] = { total: mods.reduce((s, m) => s + m.size, 0), top: mods.slice(0, 25) };
            }
            compilation.emitAsset('bundle-modules.json', new RawSource(JSON.stringify(out, null, 2)));
          }
        },
      );
    });
  }
}

module.exports = { FirstScreenPlugin };
