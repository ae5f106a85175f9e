package org.gnwict.searchengine;

import java.util.Map;

import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.opensearch.index.analysis.TokenizerFactory;
import org.opensearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.opensearch.plugins.AnalysisPlugin;
import org.opensearch.plugins.Plugin;

/**
 * Exposes Lucene's smartcn word segmenter as the "smartcn_tokenizer", so
 * Chinese text is indexed as words rather than as overlapping bigrams.
 * (The official analysis-smartcn plugin is not published to Maven Central.)
 */
public final class SmartChinesePlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(
            "smartcn_tokenizer",
            (indexSettings, environment, name, settings) ->
                TokenizerFactory.newFactory(name, HMMChineseTokenizer::new)
        );
    }
}
